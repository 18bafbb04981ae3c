package org.smsengine;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The shared sample ({@code ../shared/data}): 200 realistic rows and the expected outcome of each.
 * Its location can be overridden with {@code -Dsms.sample.dir=...}.
 */
public final class SampleData {

    private SampleData() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("sms.sample.dir", "../shared/data"));
    }

    public static Path csv() {
        return dir().resolve("sample-200.csv");
    }

    public static Path expectedJson() {
        return dir().resolve("sample-200.expected.json");
    }

    /** The 200 recipient rows, header-keyed, in file order. */
    public static List<CSVRecord> recipientRows() throws IOException {
        String text = Files.readString(csv(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text))
                .getRecords();
    }

    /** {@code row,outcome,e164}, one per recipient row. */
    public static List<CSVRecord> expectedRows() throws IOException {
        try (Reader reader = Files.newBufferedReader(dir().resolve("sample-200.rows.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
