package org.smsengine.optout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.smsengine.support.ApiClient;
import org.smsengine.support.Csv;
import org.smsengine.support.EngineIntegrationTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * The opt-out list over the API (API.md, "Consent"): additions counted added, already and invalid by
 * row; lookups and listings with phones whole only for ADMIN; the export ADMIN's; removals with an
 * audited reason; CSV imports staged in the request and merged after it, a million rows at a time,
 * resumed when their node stopped, and nothing written for a file that cannot be read. Each test
 * uses numbers of its own (Chinese 159 numbers, a range per test; Icelandic for the large import),
 * numbers no other test sends to.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class OptOutIT extends EngineIntegrationTest {

    private static final String PATH = "/api/v1/opt-outs";

    private final JdbcTemplate jdbc;
    private final ImportMerger merger;

    OptOutIT(JdbcTemplate jdbc, ImportMerger merger) {
        this.jdbc = jdbc;
        this.merger = merger;
    }

    private static String cn(int i) {
        return String.format("+86159%08d", i);
    }

    @Test
    void addsNumbersSayingWhichWereAlreadyThereAndWhichRowsAreNoNumber() {
        JsonNode first = marketer().postJson(PATH, Map.of("phones", List.of(cn(101), "15900000102", "not a number", cn(101)),
                "region", "CN", "reason", "call centre")).json();
        assertThat(first.get("added").asInt()).isEqualTo(2);
        assertThat(first.get("already").asInt()).as("the number given twice").isEqualTo(1);
        assertThat(first.get("invalid")).hasSize(1);
        assertThat(first.get("invalid").get(0).get("row").asInt()).isEqualTo(3);

        JsonNode again = operator().postJson(PATH, Map.of("phones", List.of(cn(102)), "region", "CN")).json();
        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("already").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_opt_out_event WHERE phone = ? AND action = 'added'"
                + " AND source = 'api' AND actor = 'marketer' AND reason = 'call centre'", Long.class, cn(102))).isEqualTo(1);
    }

    @Test
    void refusesARequestWithoutNumbersWithABadRegionOrWithTooManyNumbers() {
        assertThat(marketer().postJson(PATH, Map.of("region", "CN")).status()).isEqualTo(400);
        JsonNode badRegion = marketer().postJson(PATH, Map.of("phones", List.of(cn(110)), "region", "XX")).json();
        assertThat(badRegion.get("errors").get(0).get("field").asText()).isEqualTo("region");
        List<String> tooMany = IntStream.range(0, 10_001).mapToObj(i -> cn(200_000 + i)).toList();
        assertThat(marketer().postJson(PATH, Map.of("phones", tooMany, "region", "CN")).status()).isEqualTo(413);
        assertThat(admin().get(PATH + "/" + cn(200_000)).status()).isEqualTo(404);
    }

    @Test
    void showsEntriesWithWholePhonesOnlyToAdminAndFiltersByPhoneAndSource() {
        marketer().postJson(PATH, Map.of("phones", List.of(cn(121), cn(122)), "region", "CN", "reason", "asked"));

        JsonNode asAdmin = admin().get(PATH + "/" + cn(121)).json();
        assertThat(asAdmin.get("phone").asText()).isEqualTo(cn(121));
        assertThat(asAdmin.get("source").asText()).isEqualTo("api");
        assertThat(asAdmin.get("reason").asText()).isEqualTo("asked");
        assertThat(asAdmin.get("createdBy").asText()).isEqualTo("marketer");
        assertThat(asAdmin.has("inboundId")).isTrue();
        assertThat(asAdmin.get("createdAt").asText()).isNotBlank();
        assertThat(operator().get(PATH + "/" + cn(121)).json().get("phone").asText()).isEqualTo("+86*********21");
        assertThat(marketer().get(PATH + "/" + cn(121).substring(1)).status()).as("the + may be left out").isEqualTo(200);
        assertThat(marketer().get(PATH + "/" + cn(129)).status()).isEqualTo(404);
        assertThat(marketer().get(PATH + "/abc").status()).isEqualTo(400);

        JsonNode byPhone = operator().get(PATH + "?phone=" + cn(122).substring(1)).json();
        assertThat(byPhone.get("total").asLong()).isEqualTo(1);
        assertThat(byPhone.get("items").get(0).get("phone").asText()).isEqualTo("+86*********22");
        assertThat(admin().get(PATH + "?phone=" + cn(122) + "&source=keyword").json().get("total").asLong()).isZero();

        JsonNode newest = admin().get(PATH + "?source=api&size=2").json();
        assertThat(newest.get("items")).extracting(item -> item.get("phone").asText()).containsExactly(cn(122), cn(121));
        JsonNode all = operator().get(PATH + "?page=0&size=2").json();
        assertThat(all.get("items")).extracting(item -> item.get("phone").asText()).containsExactly("+86*********22", "+86*********21");
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(admin().get(PATH + "?source=nonsense").status()).isEqualTo(400);
    }

    @Test
    void exportsTheWholeListToAdminOnly() throws IOException {
        marketer().postJson(PATH, Map.of("phones", List.of(cn(131)), "region", "CN", "reason", "=HYPERLINK(\"x\")"));

        ApiClient.Response export = admin().get(PATH + "/export");
        assertThat(export.status()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(export.text())).getRecords();
        assertThat(rows.get(0).getParser().getHeaderNames())
                .containsExactly("phone", "source", "reason", "inbound_id", "created_by", "created_at");
        CSVRecord row = rows.stream().filter(r -> r.get("phone").equals(cn(131))).findFirst().orElseThrow();
        assertThat(row.get("reason")).as("never a formula").isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(row.get("created_by")).isEqualTo("marketer");
        assertThat(marketer().get(PATH + "/export").status()).isEqualTo(403);
        assertThat(operator().get(PATH + "/export").status()).isEqualTo(403);
    }

    @Test
    void removesANumberOnlyForAdminWithAReasonThatIsAudited() {
        marketer().postJson(PATH, Map.of("phones", List.of(cn(141)), "region", "CN"));

        assertThat(marketer().delete(PATH + "/" + cn(141)).status()).isEqualTo(403);
        assertThat(admin().delete(PATH + "/" + cn(141)).status()).as("no reason").isEqualTo(400);
        assertThat(admin().deleteJson(PATH + "/" + cn(141), "{\"reason\": \"customer asked by phone\"}").status())
                .isEqualTo(204);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_opt_out_event WHERE phone = ? AND action = 'removed'"
                + " AND actor = 'admin' AND reason = 'customer asked by phone'", Long.class, cn(141))).isEqualTo(1);
        assertThat(admin().get(PATH + "/" + cn(141)).status()).isEqualTo(404);
        assertThat(admin().deleteJson(PATH + "/" + cn(141), "{\"reason\": \"again\"}").status()).isEqualTo(404);
    }

    @Test
    void importsAFileThenTheSameFileAgainFindingEveryNumberAlreadyThere() {
        byte[] file = Csv.lines("name,Phone", "a," + cn(151), "b,15900000152", "c,nonsense", "", "d,", "e," + cn(151), "f,1,2");

        JsonNode first = awaitDone(startImport(file, Map.of("region", "CN", "phoneColumn", "phone", "reason", "list A")));
        assertThat(first.get("rows").asLong()).as("the blank line is no row").isEqualTo(6);
        assertThat(first.get("added").asLong()).isEqualTo(2);
        assertThat(first.get("already").asLong()).as("row 7 repeats row 2").isEqualTo(1);
        assertThat(first.get("invalid").asLong()).isEqualTo(3);
        assertThat(first.get("problems")).extracting(p -> p.get("row").asInt()).containsExactly(4, 6, 8);
        long id = first.get("id").asLong();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_opt_out WHERE import_id = ? AND source = 'import'"
                + " AND reason = 'list A' AND created_by = 'operator'", Long.class, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT reason FROM sms_opt_out_event WHERE import_id = ? AND action = 'imported'"
                + " AND phone IS NULL", String.class, id)).isEqualTo("2 added");
        assertThat(stagedRows(id)).isZero();

        JsonNode second = awaitDone(startImport(file, Map.of("region", "CN")));
        assertThat(second.get("added").asLong()).isZero();
        assertThat(second.get("already").asLong()).isEqualTo(3);
    }

    @Test
    void importsAMillionRowsStreamedAndTheSameMillionAgainAsAlreadyThere() throws Exception {
        int count = 1_000_000;
        try {
            long started = System.nanoTime();
            ApiClient.Response staged = postGenerated(count);
            double stagedSeconds = (System.nanoTime() - started) / 1e9;
            JsonNode first = awaitDone(staged);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Opt-out import of %,d rows: %.1f s (202 after %.1f s), %,.0f rows/s end to end%n", count,
                    seconds, stagedSeconds, count / seconds);
            assertThat(first.get("rows").asLong()).isEqualTo(count);
            assertThat(first.get("added").asLong()).isEqualTo(count);
            assertThat(first.get("invalid").asLong()).isZero();
            assertThat(admin().get(PATH + "/" + "+354" + GeneratedImport.national(count - 1)).status()).isEqualTo(200);

            started = System.nanoTime();
            JsonNode second = awaitDone(postGenerated(count));
            seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Opt-out import of %,d rows already there: %.1f s, %,.0f rows/s%n", count, seconds, count / seconds);
            assertThat(second.get("added").asLong()).isZero();
            assertThat(second.get("already").asLong()).isEqualTo(count);
        } finally {
            // the other tests share this database: a million entries of ours would only slow them
            jdbc.update("DELETE FROM sms_opt_out WHERE phone LIKE '+354%'");
        }
    }

    @Test
    void refusesAFileThatCannotBeReadAsCsvAndWritesNothing() {
        long importsBefore = jdbc.queryForObject("SELECT count(*) FROM sms_opt_out_import", Long.class);
        long stagedBefore = jdbc.queryForObject("SELECT count(*) FROM sms_opt_out_staging", Long.class);

        byte[] unclosed = Csv.lines("phone", cn(161), cn(162), "\"" + cn(163), cn(164));
        JsonNode problem = refused(startImport(unclosed, Map.of("region", "CN")));
        assertThat(problem.get("errors").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(refused(startImport(Csv.lines("mobile", cn(165)), Map.of()))
                .get("errors").get(0).get("field").asText()).isEqualTo("phoneColumn");
        assertThat(refused(startImport(new byte[0], Map.of())).get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(refused(startImport(Csv.lines("phone"), Map.of())).get("errors").get(0).get("row").asInt()).isEqualTo(2);
        byte[] binary = Csv.lines("phone", cn(166), "\u0000\u0001");
        assertThat(refused(startImport(binary, Map.of())).get("errors").get(0).get("row").asInt()).isEqualTo(3);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_opt_out_import", Long.class)).isEqualTo(importsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_opt_out_staging", Long.class)).isEqualTo(stagedBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_opt_out WHERE phone IN (?, ?, ?)", Long.class,
                cn(161), cn(162), cn(166))).isZero();
    }

    @Test
    void resumesAnImportWhoseNodeStoppedMergingItWhereItStopped() {
        String actor = "tester";
        long id = jdbc.queryForObject("INSERT INTO sms_opt_out_import (state, region, phone_column, created_by, rows, added,"
                + " merged_row, updated_at) VALUES ('RUNNING', 'CN', 'phone', ?, 3, 1, 2, now() - interval '1 hour')"
                + " RETURNING id", Long.class, actor);
        jdbc.update("INSERT INTO sms_opt_out (phone, source, import_id, created_by) VALUES (?, 'import', ?, ?)", cn(171), id, actor);
        jdbc.update("INSERT INTO sms_opt_out_staging (import_id, row_no, phone) VALUES (?, 3, ?), (?, 4, ?)",
                id, cn(172), id, cn(173));

        merger.resumeStalled();

        JsonNode done = awaitDone(id);
        assertThat(done.get("added").asLong()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_opt_out WHERE import_id = ?", Long.class, id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_opt_out_event WHERE import_id = ? AND action = 'imported'",
                Long.class, id)).isEqualTo(1);
    }

    private ApiClient.Response startImport(byte[] file, Map<String, String> fields) {
        return operator().uploadCsv(file, fields, PATH);
    }

    private static JsonNode refused(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        return response.json();
    }

    private JsonNode awaitDone(ApiClient.Response started) {
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().get("state").asText()).isEqualTo("RUNNING");
        return awaitDone(started.json().get("id").asLong());
    }

    private JsonNode awaitDone(long id) {
        return operator().await(PATH + "/imports/" + id, view -> !view.get("state").asText().equals("RUNNING"),
                Duration.ofMinutes(3), 100);
    }

    private long stagedRows(long id) {
        return jdbc.queryForObject("SELECT count(*) FROM sms_opt_out_staging WHERE import_id = ?", Long.class, id);
    }

    /** The million-row import, its body made as it is sent. */
    private ApiClient.Response postGenerated(int count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "multipart/form-data; boundary=" + GeneratedImport.BOUNDARY)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedImport(count, "IS")))
                .timeout(Duration.ofMinutes(3))
                .build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new ApiClient.Response(response.statusCode(), null, response.body());
    }
}
