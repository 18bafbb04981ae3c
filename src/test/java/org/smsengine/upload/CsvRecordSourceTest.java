package org.smsengine.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsengine.SampleData;

class CsvRecordSourceTest {

    @Test
    void numbersRowsAsASpreadsheetDoes() throws IOException {
        List<SourceRecord> rows = read("\uFEFFname,phone\r\nAnn,1\r\n\r\n\"Line\nBreak\",2\r\nCy,3\r\n", List.of("name"));
        assertThat(rows).extracting(SourceRecord::rowNo).containsExactly(2, 4, 5);
        assertThat(rows.get(1).values()).containsExactly("Line\nBreak");
    }

    @Test
    void matchesColumnsWhateverTheirCaseAndSurroundingBlanks() throws IOException {
        List<SourceRecord> rows = read(" Name , PHONE \r\nAnn,+1\r\n", List.of("name"));
        assertThat(rows.get(0).phone()).isEqualTo("+1");
        assertThat(rows.get(0).values()).containsExactly("Ann");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsSaysSo() throws IOException {
        List<SourceRecord> rows = read("name,phone,city\r\nAnn,1\r\n", List.of("name"));
        assertThat(rows.get(0).problem()).isEqualTo("has 2 fields; the header has 3");
        assertThat(rows.get(0).phone()).isEqualTo("1");
    }

    @Test
    void rawTextIsTheRowAsCsv() throws IOException {
        List<SourceRecord> rows = read("name,phone\r\n\"Smith, John\",1\r\n", List.of());
        assertThat(rows.get(0).raw()).isEqualTo("\"Smith, John\",1");
    }

    @Test
    void readsEveryRowOfTheSample() throws IOException {
        byte[] sample = java.nio.file.Files.readAllBytes(SampleData.csv());
        try (RecordSource source = new CsvRecordSource(new ByteArrayInputStream(sample), "phone", List.of("name"))) {
            int count = 0;
            int lastRow = 0;
            SourceRecord row;
            while ((row = source.next()) != null) {
                count++;
                lastRow = row.rowNo();
            }
            assertThat(count).isEqualTo(200);
            assertThat(lastRow).isEqualTo(201);
            assertThat(source.bytesRead()).isEqualTo(sample.length);
        }
    }

    private static List<SourceRecord> read(String csv, List<String> variables) throws IOException {
        List<SourceRecord> rows = new ArrayList<>();
        try (RecordSource source = new CsvRecordSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "phone", variables)) {
            SourceRecord row;
            while ((row = source.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
