package org.smsengine.upload;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVPrinter;

/**
 * One row of an upload, whatever its format.
 *
 * @param rowNo   the row as a spreadsheet shows it (CSV: header = 1), or the position in the JSON form (from 1)
 * @param phone   the phone cell as written
 * @param values  the template variables' values, in the template's order; null where a value is missing
 * @param fields  every field of the row, for the reject's {@code raw} column
 * @param line    the row's text when the format keeps one per line (JSON lines); null for CSV
 * @param problem why the row cannot be read as a recipient at all, or null
 */
public record SourceRecord(int rowNo, String phone, String[] values, String[] fields, String line, String problem) {

    private static final int MAX_RAW_LENGTH = 1000;

    /** The row as CSV text, cut to a readable length. */
    public String raw() {
        if (line != null) {
            return cut(line);
        }
        if (!needsQuotes(fields)) {
            return cut(String.join(",", fields));
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CsvHeader.FORMAT.builder().setRecordSeparator("").get())) {
            printer.printRecord((Object[]) fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cut(out.toString());
    }

    private static boolean needsQuotes(String[] fields) {
        for (String field : fields) {
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                    return true;
                }
            }
            if (!field.isEmpty() && (field.charAt(0) <= ' ' || field.charAt(field.length() - 1) <= ' ')) {
                return true;
            }
        }
        return false;
    }

    private static String cut(String text) {
        return text.length() <= MAX_RAW_LENGTH ? text : text.substring(0, MAX_RAW_LENGTH) + "…";
    }
}
