package org.smsengine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.smsengine.system.InvalidInputException;

class CsvUploadScannerTest {

    @Test
    void countsRowsAfterTheHeaderAndIgnoresBlankLines() {
        assertThat(scan("name,phone\r\nA,1\r\n\r\nB,2\r\n")).isEqualTo(2);
        assertThat(scan("name,phone\nA,1\nB,2")).isEqualTo(2);
        assertThat(scan("name,phone\rA,1\rB,2\r")).isEqualTo(2);
    }

    @Test
    void aQuotedLineBreakDoesNotStartARow() {
        assertThat(scan("name,phone\r\n\"Line\r\nBreak\",1\r\n\"a \"\"quoted\"\" word, and a comma\",2\r\n")).isEqualTo(2);
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() {
        assertThat(scan("name,phone\r\nO\"Neil,1\r\nB,2\r\n")).isEqualTo(2);
    }

    @Test
    void findsTheEndOfTheHeader() {
        CsvUploadScanner scanner = new CsvUploadScanner(1000);
        byte[] bytes = "name,phone\r\nA,1\r\n".getBytes(StandardCharsets.UTF_8);
        scanner.feed(bytes, 0, bytes.length);
        assertThat(scanner.headerEndOffset()).isEqualTo(12);
    }

    @Test
    void worksAcrossChunkBoundaries() {
        CsvUploadScanner scanner = new CsvUploadScanner(1000);
        byte[] bytes = "name,phone\r\n\"Line\r\nBreak\",1\r\nJosé,2\r\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            scanner.feed(bytes, i, i + 1);
        }
        assertThat(scanner.finish()).isEqualTo(2);
    }

    @Test
    void refusesAQuoteThatIsNeverClosedNamingTheRowItStartsOn() {
        assertThatThrownBy(() -> scan("name,phone\r\nA,1\r\n\"B,2\r\nC,3\r\n"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).row()).isEqualTo(3));
    }

    @Test
    void refusesNulBytes() {
        assertThatThrownBy(() -> scan("name,phone\r\nA\0,1\r\n")).hasMessageContaining("NUL");
    }

    @Test
    void refusesInvalidUtf8NamingTheRow() {
        byte[] latin1 = "name,phone\r\nRenée,1\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> scan(latin1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().get(0).row()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("0xE9");
                });
    }

    @Test
    void refusesARecordLongerThanTheLimit() {
        assertThatThrownBy(() -> scan("name,phone\r\n" + "x".repeat(200) + ",1\r\n", 100))
                .hasMessageContaining("Row 2 is longer than 100 bytes");
    }

    private static long scan(String text) {
        return scan(text.getBytes(StandardCharsets.UTF_8));
    }

    private static long scan(String text, long maxRecordBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CsvUploadScanner scanner = new CsvUploadScanner(maxRecordBytes);
        scanner.feed(bytes, 0, bytes.length);
        return scanner.finish();
    }

    private static long scan(byte[] bytes) {
        CsvUploadScanner scanner = new CsvUploadScanner(1_000_000);
        scanner.feed(bytes, 0, bytes.length);
        return scanner.finish();
    }
}
