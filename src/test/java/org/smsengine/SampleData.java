package org.smsengine;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The team's shared sample ({@code ../shared/data}, copied byte for byte into
 * {@code src/test/resources/sample} so a clone tests on its own): 200 realistic rows and the
 * expected outcome of each.
 */
public final class SampleData {

    private SampleData() {
    }

    public static Path csv() {
        return file("sample-200.csv");
    }

    public static Path expectedJson() {
        return file("sample-200.expected.json");
    }

    /** The 200 recipient rows, header-keyed, in file order. */
    public static List<CSVRecord> recipientRows() throws IOException {
        String text = Files.readString(csv(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }

    /** {@code row,outcome,e164}, one per recipient row. */
    public static List<CSVRecord> expectedRows() throws IOException {
        try (Reader reader = Files.newBufferedReader(file("sample-200.rows.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static Path file(String name) {
        try {
            return Path.of(SampleData.class.getResource("/sample/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
