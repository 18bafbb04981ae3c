package org.smsengine.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;

/**
 * Every CSV download as API.md's "Downloads and roles" says: phones whole only for ADMIN, the
 * uploaded line only for ADMIN, and no cell a spreadsheet would run as a formula, except phones as
 * the engine formats them.
 */
class DownloadsIT extends EngineIntegrationTest {

    private static final String UPLOAD = "name,phone\r\n"
            + "Ann," + Recipients.phone(4_400_000) + "\r\n"
            + "Ben,=1+2\r\n"
            + "\"-2+3+cmd|' /C calc'!A0\",not a number\r\n"
            + "Cy,+1 201 555 012\r\n"
            + "@SUM(A1),\r\n";

    @Test
    void theRejectsShowWholePhonesAndTheUploadedLinesOnlyToAdminAndNeverAsFormulas() throws IOException {
        long id = batchOf(UPLOAD);

        List<CSVRecord> asAdmin = csv(admin().get("/api/v1/batches/" + id + "/rejects"));
        assertThat(asAdmin).extracting(r -> r.get("row")).containsExactly("3", "4", "5", "6");
        assertThat(asAdmin.get(0).get("phone")).isEqualTo("'=1+2");
        assertThat(asAdmin.get(0).get("raw")).isEqualTo("Ben,=1+2");
        assertThat(asAdmin.get(1).get("raw")).as("the uploaded line, neutralised").startsWith("'-2+3+cmd|");
        assertThat(asAdmin.get(2).get("phone")).isEqualTo("'+1 201 555 012");
        assertThat(asAdmin.get(3).get("raw")).isEqualTo("'@SUM(A1),");

        for (ApiClient other : List.of(marketer(), operator())) {
            List<CSVRecord> rejects = csv(other.get("/api/v1/batches/" + id + "/rejects"));
            assertThat(rejects).hasSize(4).allSatisfy(reject -> assertThat(reject.get("raw")).isEmpty());
            assertThat(rejects.get(0).get("phone")).isEqualTo("'=*+2");
            assertThat(rejects.get(2).get("phone")).as("masked, and still not a formula").isEqualTo("'+1 *** *** *12");
            assertThat(rejects).allSatisfy(reject -> assertThat(reject.get("phone")).doesNotStartWith("=").doesNotStartWith("@"));
        }
    }

    @Test
    void theReportShowsPhonesAsTheEngineFormatsThemWholeOnlyToAdmin() throws IOException {
        long id = batchOf(UPLOAD);
        String phone = Recipients.phone(4_400_000);

        assertThat(csv(admin().get("/api/v1/batches/" + id + "/report"))).singleElement()
                .satisfies(row -> assertThat(row.get("phone")).isEqualTo(phone));
        assertThat(csv(operator().get("/api/v1/batches/" + id + "/report"))).singleElement()
                .satisfies(row -> assertThat(row.get("phone")).isEqualTo("+1********" + phone.substring(phone.length() - 2)));
    }

    @Test
    void aCellIsNeutralisedWhenItStartsAsAFormulaDoes() {
        assertThat(CsvDownload.neutralised("=SUM(1)")).isEqualTo("'=SUM(1)");
        assertThat(CsvDownload.neutralised("+1 201")).isEqualTo("'+1 201");
        assertThat(CsvDownload.neutralised("-1")).isEqualTo("'-1");
        assertThat(CsvDownload.neutralised("@A1")).isEqualTo("'@A1");
        assertThat(CsvDownload.neutralised("\tx")).isEqualTo("'\tx");
        assertThat(CsvDownload.neutralised("\rx")).isEqualTo("'\rx");
        assertThat(CsvDownload.neutralised("+12015550100")).isEqualTo("+12015550100");
        assertThat(CsvDownload.neutralised("+1********00")).isEqualTo("+1********00");
        assertThat(CsvDownload.neutralised("Ann")).isEqualTo("Ann");
        assertThat(CsvDownload.neutralised("")).isEmpty();
    }

    private long batchOf(String csv) {
        long id = marketer().uploadCsv(csv.getBytes(StandardCharsets.UTF_8),
                Map.of("name", "downloads", "template", "Hi {{name}}", "region", "US")).createdId();
        operator().awaitState(id, "READY", Duration.ofSeconds(30));
        return id;
    }

    private static List<CSVRecord> csv(ApiClient.Response response) throws IOException {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.text())).getRecords();
    }
}
