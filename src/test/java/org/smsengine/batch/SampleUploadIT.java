package org.smsengine.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smsengine.SampleData;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;

/** The shared sample, uploaded through the API, ends READY with every row as expected. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleUploadIT extends EngineIntegrationTest {

    private JsonNode expected;
    private long batchId;
    private JsonNode batch;

    @BeforeAll
    void uploadTheSample() throws IOException {
        expected = new ObjectMapper().readTree(SampleData.expectedJson().toFile());
        ApiClient.Response created = marketer().uploadCsv(SampleData.csv(), Map.of(
                "name", "Sample 200",
                "template", expected.get("template").asText(),
                "region", expected.get("region").asText()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        batchId = created.createdId();
        assertThat(created.headers().getLocation()).hasToString("/api/v1/batches/" + batchId);
        batch = marketer().awaitState(batchId, "READY", Duration.ofSeconds(30));
    }

    @Test
    void countsAddUpAndMatchTheExpectedOutcome() {
        JsonNode counts = batch.get("counts");
        assertThat(counts.get("rows").asLong()).isEqualTo(expected.get("rows").asLong());
        assertThat(counts.get("valid").asLong()).isEqualTo(expected.get("valid").asLong());
        assertThat(counts.get("invalid").asLong()).isEqualTo(expected.get("invalid").asLong());
        assertThat(counts.get("duplicates").asLong()).isEqualTo(expected.get("duplicates").asLong());
        assertThat(counts.get("optedOut").asLong()).isZero();
        assertThat(counts.get("prepared").asLong()).isEqualTo(expected.get("valid").asLong());
        assertThat(counts.get("valid").asLong() + counts.get("invalid").asLong() + counts.get("duplicates").asLong()
                + counts.get("optedOut").asLong()).isEqualTo(counts.get("rows").asLong());
        assertThat(batch.get("segments").asLong()).isEqualTo(expected.get("segments").asLong());
    }

    @Test
    void everyRejectedRowHasItsExpectedReasonAndNoValidRowIsRejected() throws IOException {
        ApiClient.Response response = operator().get("/api/v1/batches/" + batchId + "/rejects");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().getContentType().toString()).startsWith("text/csv");
        List<CSVRecord> rejects = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.text())).getRecords();
        Map<Integer, String> reasonByRow = new HashMap<>();
        rejects.forEach(r -> reasonByRow.put(Integer.parseInt(r.get("row")), r.get("reason")));

        for (CSVRecord row : SampleData.expectedRows()) {
            int rowNo = Integer.parseInt(row.get("row"));
            String outcome = row.get("outcome");
            if (outcome.equals("valid")) {
                assertThat(reasonByRow).as("row %d", rowNo).doesNotContainKey(rowNo);
            } else {
                assertThat(reasonByRow.get(rowNo)).as("row %d", rowNo).isEqualTo(outcome);
            }
        }
        assertThat(rejects).hasSize(expected.get("invalid").asInt() + expected.get("duplicates").asInt());
    }

    @Test
    void rejectsKeepThePhoneAsWrittenAndTheRawRow() throws IOException {
        String csv = admin().get("/api/v1/batches/" + batchId + "/rejects").text();
        CSVRecord lineBreakRow = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords().stream()
                .filter(r -> r.get("row").equals("80")).findFirst().orElseThrow();
        assertThat(lineBreakRow.get("phone")).isEqualTo("abcdefg");
        assertThat(lineBreakRow.get("raw")).contains("Line\nBreak");
    }

    @Test
    void everyValidRowBecameOneMessageWithItsE164NumberAndTheExpectedEncoding() throws IOException {
        JsonNode page = admin().get("/api/v1/batches/" + batchId + "/messages?size=1000").json();
        assertThat(page.get("total").asInt()).isEqualTo(expected.get("valid").asInt());
        Map<Integer, JsonNode> byRow = new HashMap<>();
        page.get("items").forEach(m -> byRow.put(m.get("row").asInt(), m));

        for (CSVRecord row : SampleData.expectedRows()) {
            if (row.get("outcome").equals("valid")) {
                JsonNode message = byRow.get(Integer.parseInt(row.get("row")));
                assertThat(message).as("row %s", row.get("row")).isNotNull();
                assertThat(message.get("phone").asText()).isEqualTo(row.get("e164"));
                assertThat(message.get("status").asText()).isEqualTo("PREPARED");
            }
        }
        long ucs2 = byRow.values().stream().filter(m -> m.get("encoding").asText().equals("UCS2")).count();
        assertThat(ucs2).isEqualTo(expected.get("ucs2Messages").asLong());
        int segments = byRow.values().stream().mapToInt(m -> m.get("segments").asInt()).sum();
        assertThat(segments).isEqualTo(expected.get("segments").asInt());
    }

    @Test
    void messagesAreRenderedFromTheirOwnRow() {
        JsonNode page = admin().get("/api/v1/batches/" + batchId + "/messages?size=1000").json();
        JsonNode alice = null;
        for (JsonNode message : page.get("items")) {
            if (message.get("row").asInt() == 3) {
                alice = message;
            }
        }
        assertThat(alice.get("text").asText()).isEqualTo(
                "Hi Alice, your code is 806650. Show it at any store in City47 before Sunday. Reply STOP to opt out.");
    }

    @Test
    void phonesAreMaskedForEveryRoleButAdmin() {
        JsonNode whole = admin().get("/api/v1/batches/" + batchId + "/messages?size=1000").json().get("items");
        JsonNode page = operator().get("/api/v1/batches/" + batchId + "/messages?size=1000").json().get("items");
        assertThat(page).hasSameSizeAs(whole).isNotEmpty();
        for (int i = 0; i < page.size(); i++) {
            String phone = whole.get(i).get("phone").asText();
            String masked = page.get(i).get("phone").asText();
            // the country code and the last two digits stay, every other digit is a star (API.md)
            String code = masked.substring(1, masked.indexOf('*'));
            assertThat(code).as(masked).hasSizeBetween(1, 3);
            assertThat(masked).as("masked " + phone).hasSameSizeAs(phone).startsWith("+" + code)
                    .isEqualTo("+" + code + "*".repeat(phone.length() - code.length() - 3) + phone.substring(phone.length() - 2));
            if (phone.equals("+8613123406612")) {
                assertThat(masked).isEqualTo("+86*********12");
            }
        }
    }

    @Test
    void progressShowsTheFinishedPreparation() {
        JsonNode progress = operator().get("/api/v1/batches/" + batchId + "/progress").json();
        assertThat(progress.get("state").asText()).isEqualTo("READY");
        assertThat(progress.get("step").asText()).isEqualTo("preparation");
        assertThat(progress.get("total").asLong()).isEqualTo(expected.get("valid").asLong());
        assertThat(progress.get("processed").asLong()).isEqualTo(expected.get("valid").asLong());
        assertThat(progress.get("percent").asDouble()).isEqualTo(100.0);
    }
}
