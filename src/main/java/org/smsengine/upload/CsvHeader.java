package org.smsengine.upload;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;

/**
 * The header row of a CSV upload. Column names match case-insensitively and without surrounding
 * blanks, so {@code Phone} and {@code phone } both name the {@code phone} column.
 */
public record CsvHeader(List<String> columns) {

    /** The one CSV dialect of the engine: RFC 4180, blank lines kept so rows number like a spreadsheet's. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrailingData(true).get();

    private static final int MAX_COLUMN_NAME = 256;

    public static CsvHeader parse(String headerLine) {
        try (CSVParser parser = CSVParser.parse(new StringReader(headerLine), FORMAT)) {
            CSVRecord record = parser.iterator().next();
            List<String> columns = record.stream().map(String::strip).toList();
            checkNames(columns);
            return new CsvHeader(columns);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            // commons-csv's message names its internals, not the file's mistake
            throw new InvalidInputException(InputError.row(1, "The header row cannot be read as CSV: its fields are"
                    + " separated by commas, and a quoted field must be closed, with any quote inside it doubled"));
        }
    }

    private static void checkNames(List<String> columns) {
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (column.length() > MAX_COLUMN_NAME) {
                throw new InvalidInputException(InputError.row(1, "A column name is longer than " + MAX_COLUMN_NAME
                        + " characters: is the first row really a header?"));
            }
            if (!column.isEmpty() && !seen.add(column.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException(InputError.row(1, "Column '" + column + "' appears twice in the header"));
            }
        }
    }

    public Optional<Integer> indexOf(String name) {
        String wanted = name.strip();
        return IntStream.range(0, columns.size())
                .filter(i -> columns.get(i).equalsIgnoreCase(wanted))
                .boxed()
                .findFirst();
    }

    /** Refuses a header without the phone column or without a column for every template variable. */
    public void requireColumns(String phoneColumn, List<String> templateVariables) {
        List<InputError> errors = new ArrayList<>();
        if (indexOf(phoneColumn).isEmpty()) {
            errors.add(InputError.field("phoneColumn", "The CSV has no column '" + phoneColumn + "'; its columns are "
                    + columns));
        }
        for (String variable : templateVariables) {
            if (indexOf(variable).isEmpty()) {
                errors.add(InputError.field("template", "{{" + variable + "}} is not a column of the CSV; its columns are "
                        + columns));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The CSV does not fit the batch: " + errors.get(0).message(), errors);
        }
    }
}
