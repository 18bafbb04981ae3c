package org.smsengine.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smsengine.recipient.RejectReason;
import org.smsengine.recipient.RejectRow;
import org.smsengine.recipient.RejectStore;
import org.smsengine.support.ApiClient;
import org.smsengine.support.Csv;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.upload.UploadSettings;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;
import org.springframework.util.unit.DataSize;

/**
 * Bad input gets a clear 4xx problem, or a reject row, never a 5xx; a refused upload leaves no
 * batch and no stored chunk behind; and the engine is healthy afterwards.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@ExtendWith(OutputCaptureExtension.class)
class BadInputIT extends EngineIntegrationTest {

    private static final String TEMPLATE = "Hi {{name}}";

    private final JdbcTemplate jdbc;
    private final RejectStore rejectStore;
    private final ObjectMapper json;
    private final DataSize maxJsonSize;
    private long batchesBefore;
    private long chunksBefore;

    BadInputIT(JdbcTemplate jdbc, RejectStore rejectStore, ObjectMapper json,
            UploadSettings uploads) {
        this.jdbc = jdbc;
        this.rejectStore = rejectStore;
        this.json = json;
        this.maxJsonSize = uploads.maxJsonSize();
    }

    @BeforeEach
    void countWhatExists() {
        batchesBefore = count("sms_batch");
        chunksBefore = count("sms_upload_chunk");
    }

    @AfterEach
    void theEngineIsStillHealthy() {
        ApiClient.Response health = anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void refusesAnEmptyFile() {
        JsonNode problem = refused(upload(new byte[0], TEMPLATE), 400);
        assertThat(problem.get("detail").asText()).contains("empty");
    }

    @Test
    void refusesAHeaderWithoutRows() {
        JsonNode problem = refused(upload(Csv.lines("name,phone"), TEMPLATE), 400);
        assertThat(problem.get("detail").asText()).contains("no recipient rows");
    }

    @Test
    void refusesAHeaderWithoutRowsOrLineBreak() {
        refused(upload("name,phone".getBytes(StandardCharsets.UTF_8), TEMPLATE), 400);
    }

    @Test
    void refusesAFileWithoutThePhoneColumnAndNamesIt() {
        JsonNode problem = refused(upload(Csv.lines("name,mobile", "Ann,+12015550123"), TEMPLATE), 400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("phoneColumn");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("'phone'").contains("mobile");
    }

    @Test
    void acceptsAnotherPhoneColumnWhenItIsNamed() {
        ApiClient.Response created = marketer().uploadCsv(Csv.lines("name,Mobile", "Ann,+12015550123"),
                Map.of("name", "mobile column", "template", TEMPLATE, "phoneColumn", "mobile"));
        JsonNode batch = marketer().awaitState(created.createdId(), "READY", Duration.ofSeconds(20));
        assertThat(batch.get("counts").get("valid").asInt()).isEqualTo(1);
    }

    @Test
    void refusesATemplateVariableThatIsNotAColumn() {
        JsonNode problem = refused(upload(Csv.lines("name,phone", "Ann,+12015550123"), "Hi {{name}}, {{coupon}}"), 400);
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("template");
        assertThat(error.get("message").asText()).contains("{{coupon}}");
    }

    @Test
    void refusesATemplateThatDoesNotParse() {
        JsonNode problem = refused(upload(Csv.lines("name,phone", "Ann,+12015550123"), "Hi {{name"), 400);
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("never closed");
    }

    @Test
    void reportsEveryMissingParameterAtOnce() {
        ApiClient.Response response = marketer().uploadCsv(Csv.lines("name,phone", "Ann,+12015550123"), Map.of());
        JsonNode problem = refused(response, 400);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("name", "template");
    }

    @Test
    void refusesBadParameters() {
        byte[] csv = Csv.lines("name,phone", "Ann,+12015550123");
        assertThat(field(refused(upload(csv, Map.of("region", "XX")), 400))).isEqualTo("region");
        assertThat(field(refused(upload(csv, Map.of("tps", "0")), 400))).isEqualTo("tps");
        JsonNode notANumber = refused(upload(csv, Map.of("tps", "fast")), 400);
        assertThat(field(notANumber)).isEqualTo("tps");
        assertThat(notANumber.get("errors").get(0).get("message").asText()).isEqualTo("'fast' is not a valid whole number");
        assertThat(field(refused(upload(csv, Map.of("sendAt", "tomorrow")), 400))).isEqualTo("sendAt");
        assertThat(field(refused(upload(csv, Map.of("sendAt", OffsetDateTime.now().minusDays(1).toString())), 400)))
                .isEqualTo("sendAt");
    }

    @Test
    void refusesARequestWithoutAFile() {
        ApiClient.Response response = marketer().postJson("/api/v1/batches", Map.of());
        refused(response, 400);
        JsonNode problem = refused(new ApiClient(port, "marketer", "marketer").uploadCsvWithoutFile(), 400);
        assertThat(problem.get("detail").asText()).contains("file");
    }

    @Test
    void refusesBinaryBytes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        JsonNode problem = refused(upload(png, TEMPLATE), 400);
        assertThat(problem.get("detail").asText()).contains("UTF-8");
    }

    @Test
    void refusesUtf16TextWithOrWithoutItsBom() {
        byte[] withBom = "name,phone\r\nAnn,+12015550123\r\n".getBytes(StandardCharsets.UTF_16);
        assertThat(refused(upload(withBom, TEMPLATE), 400).get("detail").asText()).contains("UTF-16");
        byte[] withoutBom = "name,phone\r\nAnn,+12015550123\r\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(refused(upload(withoutBom, TEMPLATE), 400).get("detail").asText()).contains("UTF-16");
    }

    @Test
    void refusesLatin1TextAndNamesTheRow() {
        byte[] latin1 = "name,phone\r\nAnn,+12015550123\r\nRen\u00e9e,+12015550124\r\n".getBytes(StandardCharsets.ISO_8859_1);
        JsonNode problem = refused(upload(latin1, TEMPLATE), 400);
        assertThat(problem.get("errors").get(0).get("row").asInt()).isEqualTo(3);
    }

    @Test
    void refusesAQuotedFieldThatIsNeverClosedAndNamesItsRow() {
        byte[] csv = Csv.lines("name,phone", "Ann,+12015550123", "\"Bob,+12015550124", "Cy,+12015550125");
        JsonNode problem = refused(upload(csv, TEMPLATE), 400);
        assertThat(problem.get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(problem.get("detail").asText()).contains("never closed");
    }

    @Test
    void raggedRowsBecomeMalformedRowRejectsAndTheRestIsPrepared() throws Exception {
        byte[] csv = Csv.lines("name,phone,city", "Ann,+12015550123,Paris", "Bob,+12015550124", "Cy,+12015550125,Rome,extra",
                "Di,+12015550126,Oslo");
        JsonNode batch = ready(upload(csv, "Hi {{name}} of {{city}}"));
        assertThat(batch.get("counts").get("rows").asInt()).isEqualTo(4);
        assertThat(batch.get("counts").get("valid").asInt()).isEqualTo(2);
        assertThat(batch.get("counts").get("invalid").asInt()).isEqualTo(2);
        Map<String, String> reasons = rejectReasons(batch.get("id").asLong());
        assertThat(reasons).containsEntry("3", "malformed_row").containsEntry("4", "malformed_row");
    }

    @Test
    void aTwoMegabyteFieldRejectsItsRowOnly() throws Exception {
        String huge = "x".repeat(2 * 1024 * 1024);
        byte[] csv = Csv.lines("name,phone", "Ann,+12015550123", huge + ",+12015550124", "Cy," + huge, "Di,+12015550126");
        JsonNode batch = ready(upload(csv, TEMPLATE));
        assertThat(batch.get("counts").get("valid").asInt()).isEqualTo(2);
        Map<String, String> reasons = rejectReasons(batch.get("id").asLong());
        assertThat(reasons).containsEntry("3", "malformed_row").containsEntry("4", "malformed_row");
    }

    @Test
    void blankLinesAreSkippedButKeepSpreadsheetRowNumbers() throws Exception {
        byte[] csv = Csv.lines("name,phone", "Ann,+12015550123", "", "Bob,not-a-number");
        JsonNode batch = ready(upload(csv, TEMPLATE));
        assertThat(batch.get("counts").get("rows").asInt()).isEqualTo(2);
        assertThat(rejectReasons(batch.get("id").asLong())).containsOnly(Map.entry("4", "invalid_number"));
    }

    @Test
    void refusesAnUploadOverTheLimitWith413() {
        byte[] nineMegabytes = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(nineMegabytes, (byte) 'a');
        JsonNode problem = refused(upload(nineMegabytes, TEMPLATE), 413);
        assertThat(problem.get("detail").asText()).contains("limit");
    }

    @Test
    void theJsonFormKeepsMissingValuesAsRejects() throws Exception {
        Map<String, Object> request = jsonBatch(List.of(
                recipient("+12015550123", Map.of("name", "Ann")),
                recipient("+12015550124", Map.of()),
                recipient("", Map.of("name", "Cy")),
                recipient("+12015550123", Map.of("name", "Ann again"))));
        ApiClient.Response created = marketer().postJson("/api/v1/batches", request);
        JsonNode batch = marketer().awaitState(created.createdId(), "READY", Duration.ofSeconds(20));
        assertThat(batch.get("counts").get("valid").asInt()).isEqualTo(1);
        assertThat(rejectReasons(batch.get("id").asLong())).containsOnly(Map.entry("2", "missing_variable"),
                Map.entry("3", "missing_phone"), Map.entry("4", "duplicate"));
    }

    @Test
    void theJsonFormRefusesWhatItCannotTake() {
        refused(marketer().postJson("/api/v1/batches", jsonBatch(List.of())), 400);
        Map<String, Object> unknownVariable = jsonBatch(List.of(recipient("+12015550123", Map.of("nom", "Ann"))));
        assertThat(field(refused(marketer().postJson("/api/v1/batches", unknownVariable), 400))).isEqualTo("template");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            tooMany.add(recipient("+1201555" + String.format("%04d", i % 10_000), Map.of("name", "n")));
        }
        refused(marketer().postJson("/api/v1/batches", jsonBatch(tooMany)), 413);
        ApiClient.Response notJson = marketer().postJson("/api/v1/batches", "{\"name\": ");
        refused(notJson, 400);
    }

    @Test
    void refusesANulInEveryTextFieldOfAnUploadAndNamesTheField() {
        byte[] csv = Csv.lines("name,phone", "Ann,+12015550123");
        for (String field : List.of("name", "template", "senderId", "phoneColumn", "region")) {
            JsonNode problem = refused(upload(csv, Map.of(field, "A\u0000B")), 400);
            assertThat(field(problem)).as(problem.toString()).isEqualTo(field);
        }
    }

    @Test
    void refusesANulInEveryTextFieldOfTheJsonFormAndNamesTheField() {
        for (String field : List.of("name", "template", "senderId", "region")) {
            Map<String, Object> request = new HashMap<>(jsonBatch(List.of(recipient("+12015550123", Map.of("name", "Ann")))));
            request.put(field, "A\u0000B");
            JsonNode problem = refused(marketer().postJson("/api/v1/batches", request), 400);
            assertThat(field(problem)).as(problem.toString()).isEqualTo(field);
        }
    }

    @Test
    void refusesControlCharactersInNamesAndTemplatesButKeepsTheLineBreaksOfAMessage() {
        byte[] csv = Csv.lines("name,phone", "Ann,+12015550123");
        assertThat(field(refused(upload(csv, Map.of("name", "two\nlines")), 400))).isEqualTo("name");
        assertThat(field(refused(upload(csv, Map.of("template", "Hi {{name}}\u0007")), 400))).isEqualTo("template");
        assertThat(field(refused(upload(csv, Map.of("template", "Hi {{name}}\u007F")), 400))).isEqualTo("template");
        assertThat(field(refused(upload(csv, Map.of("senderId", "SHOP\u001B")), 400))).isEqualTo("senderId");
        // a lone surrogate cannot travel as UTF-8 text, only as a JSON escape
        String loneSurrogate = "{\"name\": \"n\", \"template\": \"Hi \\ud83d\", \"recipients\": [{\"phone\": \"+12015550123\"}]}";
        assertThat(field(refused(marketer().post("/api/v1/batches", "application/json",
                loneSurrogate.getBytes(StandardCharsets.UTF_8)), 400))).isEqualTo("template");
        JsonNode batch = ready(upload(csv, Map.of("template", "Hi {{name}},\r\n\tsee you\f")));
        assertThat(batch.get("template").asText()).isEqualTo("Hi {{name}},\r\n\tsee you\f");
    }

    @Test
    void refusesSenderIdsAProviderWouldRefuse() {
        byte[] csv = Csv.lines("name,phone", "Ann,+12015550123");
        assertThat(field(refused(upload(csv, Map.of("senderId", "TWELVE CHARS")), 400))).isEqualTo("senderId");
        assertThat(field(refused(upload(csv, Map.of("senderId", "+123456789012345678901")), 400))).isEqualTo("senderId");
        assertThat(field(refused(upload(csv, Map.of("senderId", "SHÖP")), 400))).isEqualTo("senderId");
        assertThat(ready(upload(csv, Map.of("senderId", "+1234567890123456789"))).get("senderId").asText())
                .isEqualTo("+1234567890123456789");
        assertThat(ready(upload(csv, Map.of("senderId", "Shop 24-7"))).get("senderId").asText()).isEqualTo("Shop 24-7");
    }

    @Test
    void theJsonFormRefusesAControlCharacterInAPhoneOrAValueAndNamesTheRow() {
        Map<String, Object> nulPhone = jsonBatch(List.of(recipient("+12015550123", Map.of("name", "Ann")),
                recipient("+1201555\u00000124", Map.of("name", "Bob"))));
        JsonNode problem = refused(marketer().postJson("/api/v1/batches", nulPhone), 400);
        assertThat(problem.get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("phone");

        Map<String, Object> bellInValue = jsonBatch(List.of(recipient("+12015550123", Map.of("name", "Ann")),
                recipient("+12015550124", Map.of("name", "Bob")), recipient("+12015550125", Map.of("name", "C\u0007y"))));
        JsonNode bell = refused(marketer().postJson("/api/v1/batches", bellInValue), 400);
        assertThat(bell.get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(bell.get("errors").get(0).get("message").asText()).contains("name");
    }

    @Test
    void aRejectWithANulInItsPhoneOrRawNeverFailsItsCopy() {
        long batchId = -4242;
        try {
            rejectStore.insert(batchId, List.of(new RejectRow(2, "+1201\u0000555", RejectReason.MALFORMED_ROW, "a\u0000b,c")));
            assertThat(jdbc.queryForObject("SELECT phone FROM sms_reject WHERE batch_id = ?", String.class, batchId))
                    .isEqualTo("+1201\uFFFD555");
        } finally {
            jdbc.update("DELETE FROM sms_reject WHERE batch_id = ?", batchId);
        }
    }

    @Test
    void jsonBodiesOverTheLimitAre413WhateverTheLetterCaseOrSuffixOfTheirMediaType() {
        byte[] overTheLimit = new byte[(int) maxJsonSize.toBytes() + 1];
        java.util.Arrays.fill(overTheLimit, (byte) ' ');
        for (String type : List.of("Application/JSON", "application/x+json", "APPLICATION/PROBLEM+JSON; charset=UTF-8",
                "text/json")) {
            for (String path : List.of("/api/v1/batches", "/api/v1/campaigns")) {
                JsonNode problem = refused(marketer().post(path, type, overTheLimit), 413);
                assertThat(problem.get("detail").asText()).as(type).contains("sms.upload.max-json-size");
            }
        }
    }

    @Test
    void jacksonItselfRefusesADocumentOverTheJsonLimit() {
        StreamReadConstraints constraints = json.getFactory().streamReadConstraints();
        assertThat(constraints.getMaxDocumentLength()).isEqualTo(maxJsonSize.toBytes());
        assertThat(constraints.getMaxNestingDepth()).isLessThanOrEqualTo(100);
    }

    @Test
    void aDeeplyNestedJsonBodyIsRefusedAsAProblemNot500() {
        String nested = "[".repeat(5000) + "]".repeat(5000);
        JsonNode problem = refused(marketer().post("/api/v1/batches", "application/json",
                nested.getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(problem.get("detail").asText()).doesNotContain("com.fasterxml", "StreamConstraints");
    }

    @Test
    void refusesTemplatesOverTheCaps() {
        byte[] csv = Csv.lines("name,phone", "Ann,+12015550123");
        JsonNode tooLong = refused(upload(csv, Map.of("template", "Hi {{name}} " + "x".repeat(3000))), 400);
        assertThat(field(tooLong)).isEqualTo("template");
        StringBuilder manyVariables = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            manyVariables.append("{{v").append(i).append("}}");
        }
        assertThat(field(refused(upload(csv, Map.of("template", manyVariables.toString())), 400))).isEqualTo("template");
        JsonNode elevenSegments = refused(upload(csv, Map.of("template", "Hi {{name}} " + "x".repeat(153 * 10))), 400);
        assertThat(field(elevenSegments)).isEqualTo("template");
        assertThat(elevenSegments.get("errors").get(0).get("message").asText()).contains("segments");
        JsonNode ucs2 = refused(upload(csv, Map.of("template", "\u4f60\u597d {{name}} " + "\u4f60".repeat(67 * 10))), 400);
        assertThat(ucs2.get("errors").get(0).get("message").asText()).contains("segments");
    }

    @Test
    void aRowWhoseMessageWouldBeTooLongIsRejectedAndTheCountsStillAddUp() throws Exception {
        String longNote = "^".repeat(800);     // an extension character: two septets each, 11 segments in all
        byte[] csv = Csv.lines("name,phone,note", "Ann,+12015550123,short", "Bob,+12015550124," + longNote,
                "Cy,+12015550125,\u4f60" + "y".repeat(700), "Ann again,+12015550123,short");
        JsonNode batch = ready(upload(csv, "Hi {{name}}: {{note}}"));
        JsonNode counts = batch.get("counts");
        assertThat(counts.get("rows").asInt()).isEqualTo(4);
        assertThat(counts.get("valid").asInt()).isEqualTo(1);
        assertThat(counts.get("invalid").asInt()).isEqualTo(2);
        assertThat(counts.get("duplicates").asInt()).isEqualTo(1);
        assertThat(counts.get("rows").asInt()).isEqualTo(counts.get("valid").asInt() + counts.get("invalid").asInt()
                + counts.get("duplicates").asInt() + counts.get("optedOut").asInt());
        assertThat(rejectReasons(batch.get("id").asLong())).containsOnly(Map.entry("3", "message_too_long"),
                Map.entry("4", "message_too_long"), Map.entry("5", "duplicate"));
    }

    @Test
    void aPageBeyondTheOffsetCapIsRefusedPointingToTheReport() {
        JsonNode deep = refused(operator().get("/api/v1/batches?page=100000&size=1000"), 400);
        assertThat(deep.get("detail").asText()).contains("report");
        refused(operator().get("/api/v1/campaigns?page=2000000&size=100"), 400);
        refused(operator().get("/api/v1/audiences?page=2000000&size=100"), 400);
        refused(operator().get("/api/v1/batches?page=x"), 400);
        refused(operator().get("/api/v1/batches?size=1001"), 400);
        assertThat(operator().get("/api/v1/batches?page=99&size=1000").status()).isEqualTo(200);
    }

    @Test
    void aHeaderRowThatCannotBeParsedIsRefusedWithoutTheParsersMessage() {
        JsonNode problem = refused(upload("\"name,phone".getBytes(StandardCharsets.UTF_8), TEMPLATE), 400);
        assertThat(problem.toString()).doesNotContain("EOF", "encapsulated", "IOException");
    }

    @Test
    void aBrokenMultipartIsRefusedWithoutTheParsersMessage() {
        byte[] broken = "--xyz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nunfinished".getBytes(StandardCharsets.UTF_8);
        JsonNode problem = refused(marketer().post("/api/v1/batches", "multipart/form-data; boundary=xyz", broken), 400);
        assertThat(problem.get("detail").asText()).doesNotContain("Stream ended", "Exception", "unexpectedly");
    }

    @Test
    void aJsonBodyThatDoesNotParseIsRefusedWithoutJacksonsMessage() {
        JsonNode problem = refused(marketer().post("/api/v1/batches", "application/json",
                "{\"name\": \"x\", \"tps\": \"fast\"}".getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(problem.toString()).doesNotContain("com.fasterxml", "Cannot deserialize", "java.lang");
        JsonNode unfinished = refused(marketer().post("/api/v1/batches", "application/json",
                "{\"name\": ".getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(unfinished.toString()).doesNotContain("com.fasterxml", "end-of-input", "Source:");
    }

    @Test
    void anActionReasonWithANulIsRefusedAndTheBatchStaysAsItWas() {
        long id = ready(upload(Csv.lines("name,phone", "Ann,+12015550123"), TEMPLATE)).get("id").asLong();
        countWhatExists();
        long eventsBefore = jdbc.queryForObject("SELECT count(*) FROM sms_batch_event WHERE batch_id = ?", Long.class, id);
        JsonNode problem = refused(operator().postJson("/api/v1/batches/" + id + "/abort", Map.of("reason", "no\u0000pe")), 400);
        assertThat(field(problem)).isEqualTo("reason");
        assertThat(operator().get("/api/v1/batches/" + id).json().get("state").asText()).isEqualTo("READY");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_batch_event WHERE batch_id = ?", Long.class, id))
                .isEqualTo(eventsBefore);
    }

    @Test
    void anActionReasonWithLineBreaksIsKeptButLoggedEscaped(CapturedOutput output) {
        long id = ready(upload(Csv.lines("name,phone", "Ann,+12015550123"), TEMPLATE)).get("id").asLong();
        String reason = "wrong list\r\n2026-01-01 INFO forged line";
        ApiClient.Response aborted = operator().postJson("/api/v1/batches/" + id + "/abort", Map.of("reason", reason));
        assertThat(aborted.status()).as(aborted.text()).isEqualTo(202);
        assertThat(aborted.json().get("stateReason").asText()).isEqualTo(reason);
        assertThat(output.getOut()).contains("(wrong list\\r\\n2026-01-01 INFO forged line)")
                .doesNotContain("wrong list\r\n");
    }

    @Test
    void anonymousCallsGet401AndTheWrongRole403() {
        ApiClient.Response anonymous = anonymous().get("/api/v1/batches");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(new ApiClient(port, "admin", "wrong").get("/api/v1/batches").status()).isEqualTo(401);
        ApiClient.Response operatorUpload = operator().uploadCsv(Csv.lines("name,phone", "Ann,+12015550123"),
                Map.of("name", "n", "template", TEMPLATE));
        assertThat(operatorUpload.status()).isEqualTo(403);
        assertThat(operatorUpload.json().get("status").asInt()).isEqualTo(403);
    }

    @Test
    void unknownBatchesAre404AndBadQueries400() {
        assertThat(refused(operator().get("/api/v1/batches/999999999"), 404).get("detail").asText()).contains("999999999");
        refused(operator().get("/api/v1/batches/999999999/rejects"), 404);
        refused(operator().get("/api/v1/batches/999999999/messages"), 404);
        refused(operator().get("/api/v1/batches/999999999/progress"), 404);
        refused(operator().get("/api/v1/batches/abc"), 400);
        assertThat(refused(operator().get("/api/v1/batches?state=SHINY"), 400).get("detail").asText())
                .contains("use one of [CREATED, PREPARING");
        refused(operator().get("/api/v1/batches?size=0"), 400);
        refused(operator().get("/api/v1/batches?page=-1"), 400);
    }

    private JsonNode refused(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.headers().getContentType()).isNotNull();
        assertThat(response.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type of %s", response.text()).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(count("sms_batch")).as("batches left behind").isEqualTo(batchesBefore);
        assertThat(count("sms_upload_chunk")).as("chunks left behind").isEqualTo(chunksBefore);
        return problem;
    }

    private JsonNode ready(ApiClient.Response created) {
        return marketer().awaitState(created.createdId(), "READY", Duration.ofSeconds(30));
    }

    private ApiClient.Response upload(byte[] csv, String template) {
        return upload(csv, Map.of("template", template));
    }

    private ApiClient.Response upload(byte[] csv, Map<String, String> overrides) {
        Map<String, String> fields = new HashMap<>(Map.of("name", "bad input", "template", TEMPLATE, "region", "US"));
        fields.putAll(overrides);
        return marketer().uploadCsv(csv, fields);
    }

    private Map<String, String> rejectReasons(long batchId) throws Exception {
        String csv = operator().get("/api/v1/batches/" + batchId + "/rejects").text();
        Map<String, String> reasons = new HashMap<>();
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            reasons.put(record.get("row"), record.get("reason"));
        }
        return reasons;
    }

    private static Map<String, Object> jsonBatch(List<Map<String, Object>> recipients) {
        return Map.of("name", "json form", "template", TEMPLATE, "region", "US", "recipients", recipients);
    }

    private static Map<String, Object> recipient(String phone, Map<String, String> vars) {
        return Map.of("phone", phone, "vars", vars);
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asText();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
