package org.smsengine.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.smsengine.simulator.SimulatorAccounting;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.SecondEngine;
import org.smsengine.support.TestClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/** Audiences, cron campaigns (on two nodes), overlap policies and send windows. */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class CampaignIT extends EngineIntegrationTest {

    private static final Duration SETTLED = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final SimulatorAccounting accounting;
    private final TestClock clock;

    CampaignIT(DataSource dataSource, SmscSimulator simulator, TestClock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.accounting = simulator.accounting();
    }

    @Test
    void anAudienceIsValidatedLikeABatchAndCanBeListedAndDeleted() {
        String csv = "name,phone\r\nAda," + Recipients.phone(3_000_000) + "\r\nBob,not a number\r\nCy,"
                + Recipients.phone(3_000_001) + "\r\nAda again," + Recipients.phone(3_000_000) + "\r\n";
        long id = audience("members", csv.getBytes(StandardCharsets.UTF_8));
        JsonNode ready = marketer().await("/api/v1/audiences/" + id, a -> a.get("state").asText().equals("READY"), SETTLED);
        assertThat(ready.get("rowCount").asInt()).isEqualTo(4);
        assertThat(ready.get("valid").asInt()).isEqualTo(2);
        assertThat(ready.get("invalid").asInt()).isEqualTo(1);
        assertThat(ready.get("duplicates").asInt()).isEqualTo(1);
        assertThat(marketer().get("/api/v1/audiences").json().get("items").findValuesAsText("name")).contains("members");

        ApiClient.Response noPhone = marketer().uploadCsv("name,mobile\r\nx,1\r\n".getBytes(StandardCharsets.UTF_8),
                Map.of("name", "bad"), "/api/v1/audiences");
        assertThat(noPhone.status()).isEqualTo(400);
        assertThat(noPhone.json().get("errors").get(0).get("field").asText()).isEqualTo("phoneColumn");
        assertThat(marketer().uploadCsv(new byte[0], Map.of("name", "empty"), "/api/v1/audiences").status()).isEqualTo(400);
        assertThat(operator().delete("/api/v1/audiences/" + id).status()).isEqualTo(403);
        // API.md names who may create an audience, not who may delete one: unnamed, so ADMIN's alone
        assertThat(marketer().delete("/api/v1/audiences/" + id).status()).isEqualTo(403);

        assertThat(admin().delete("/api/v1/audiences/" + id).status()).isEqualTo(204);
        assertThat(marketer().get("/api/v1/audiences/" + id).status()).isEqualTo(404);
    }

    @Test
    void badCampaignsAreRefusedNamingTheField() {
        long audience = readyAudience(3_010_000, 3);
        assertRefused(campaign(audience, Map.of("cron", "every monday")), "cron");
        assertRefused(campaign(audience, Map.of("cron", "0 0 0 1 1 ? 2020")), "cron");          // never fires again
        assertRefused(campaign(audience, Map.of("timezone", "Mars/Olympus")), "timezone");
        assertRefused(campaign(audience, Map.of("template", "Hi {{nickname}}")), "template");
        assertRefused(campaign(audience, Map.of("audienceId", 999_999)), "audienceId");
        assertRefused(campaign(audience, Map.of("overlap", "SOMETIMES")), "overlap");
        assertRefused(campaign(audience, Map.of("sendWindow", Map.of("from", "10:00", "to", "10:00"))), "sendWindow");
        assertRefused(campaign(audience, Map.of("sendWindow", Map.of("from", "10:00", "to", "12:00", "days", List.of()))),
                "sendWindow.days");
    }

    @Test
    void aNulInAnyTextFieldOfACampaignOrAnAudienceIsRefusedNamingTheFieldAndNothingIsStored() {
        long audience = readyAudience(3_015_000, 2);
        long campaignsBefore = count("sms_campaign");
        for (String field : List.of("name", "cron", "timezone", "template", "senderId", "region")) {
            assertRefused(campaign(audience, Map.of(field, "A\u0000B")), field);
        }
        assertRefused(campaign(audience, Map.of("name", "two\r\nlines")), "name");
        assertThat(count("sms_campaign")).isEqualTo(campaignsBefore);

        long audiencesBefore = count("sms_audience");
        byte[] csv = "name,phone\r\nAda,+12015550123\r\n".getBytes(StandardCharsets.UTF_8);
        for (String field : List.of("name", "region", "phoneColumn")) {
            Map<String, String> fields = new HashMap<>(Map.of("name", "members", "region", "US"));
            fields.put(field, "A\u0000B");
            ApiClient.Response refused = marketer().uploadCsv(csv, fields, "/api/v1/audiences");
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
        assertThat(count("sms_audience")).isEqualTo(audiencesBefore);
    }

    @Test
    void aCampaignRefusesWhatItsFiringsBatchesWouldRefuse() {
        long audience = readyAudience(3_016_000, 2);
        assertRefused(campaign(audience, Map.of("senderId", "TWELVE CHARS")), "senderId");
        assertRefused(campaign(audience, Map.of("senderId", "+123456789012345678901")), "senderId");
        assertRefused(campaign(audience, Map.of("name", "n".repeat(190))), "name");
        assertRefused(campaign(audience, Map.of("template", "Hi {{name}} " + "x".repeat(153 * 10))), "template");
        assertRefused(campaign(audience, Map.of("template", "Hi {{name}}\u0007")), "template");
        assertRefused(campaign(audience, Map.of("tps", 0)), "tps");

        String longest = "n".repeat(177);
        long id = create(campaign(audience, Map.of("name", longest, "senderId", "SHOP", "overlap", "ALONGSIDE")))
                .get("id").asLong();
        long batch = run(id).get("batchId").asLong();
        JsonNode fired = operator().get("/api/v1/batches/" + batch).json();
        assertThat(fired.get("name").asText()).startsWith(longest + " @ ");
        assertThat(fired.get("senderId").asText()).isEqualTo("SHOP");
        assertThat(marketer().postJson("/api/v1/campaigns/" + id + "/disable", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aCronCampaignFiresOncePerFiringOnTwoNodesAndRechecksOptOuts() throws Exception {
        long audience = readyAudience(3_020_000, 5);
        jdbc.update("INSERT INTO sms_opt_out (phone, source) VALUES (?, 'test') ON CONFLICT DO NOTHING", Recipients.phone(3_020_004));
        try (SecondEngine second = SecondEngine.start(engineProperties(), dataSource)) {
            JsonNode created = create(campaign(audience, Map.of("cron", "*/4 * * * * ?", "overlap", "ALONGSIDE")));
            long id = created.get("id").asLong();
            assertThat(created.get("nextFireTimes")).hasSize(5);
            operator().await("/api/v1/campaigns/" + id + "/firings", f -> f.size() >= 3, Duration.ofSeconds(30));
        }
        // disabled with one node again: two nodes in one JVM share Quartz's connection registry, which
        // SecondEngine puts back on close (two JVMs, the real case, do not share it)
        long id = jdbc.queryForObject("SELECT max(id) FROM sms_campaign", Long.class);
        ApiClient.Response disabled = marketer().postJson("/api/v1/campaigns/" + id + "/disable", Map.of());
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().get("nextFireTimes")).isEmpty();
        Thread.sleep(1000);     // a firing already acquired when it was disabled may still be recorded
        List<Map<String, Object>> firings = jdbc.queryForList(
                "SELECT scheduled_for, decision, batch_id FROM sms_campaign_firing WHERE campaign_id = ?", id);
        assertThat(firings).hasSizeGreaterThanOrEqualTo(3);
        assertThat(firings.stream().map(f -> f.get("scheduled_for")).distinct().count()).as("one decision per firing").isEqualTo(firings.size());
        assertThat(firings).allSatisfy(f -> assertThat(f.get("decision")).isEqualTo("CREATED"));
        JsonNode batches = operator().get("/api/v1/campaigns/" + id + "/batches?size=100").json();
        assertThat(batches.get("total").asInt()).isEqualTo(firings.size());
        JsonNode first = batches.get("items").get(batches.get("items").size() - 1);
        JsonNode done = operator().awaitState(first.get("id").asLong(), "COMPLETED", SETTLED);
        assertThat(done.get("counts").get("optedOut").asInt()).isEqualTo(1);
        assertThat(done.get("counts").get("sent").asInt()).isEqualTo(4);
        Thread.sleep(4500);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_campaign_firing WHERE campaign_id = ?", Long.class, id))
                .as("no firing after disable").isEqualTo(firings.size());
    }

    @Test
    void runFiresNowAndTheOverlapPolicyDecidesWhileABatchIsStillRunning() {
        long audience = readyAudience(3_030_000, 600);
        long skip = create(campaign(audience, Map.of("tps", 50))).get("id").asLong();
        JsonNode first = run(skip);
        assertThat(first.get("decision").asText()).isEqualTo("CREATED");
        long firstBatch = first.get("batchId").asLong();
        operator().awaitState(firstBatch, "DELIVERING", SETTLED);
        JsonNode skipped = run(skip);
        assertThat(skipped.get("decision").asText()).isEqualTo("SKIPPED");
        assertThat(skipped.get("reason").asText()).contains("batch " + firstBatch);

        long queue = create(campaign(audience, Map.of("tps", 50, "overlap", "QUEUE"))).get("id").asLong();
        long queueFirst = run(queue).get("batchId").asLong();
        operator().awaitState(queueFirst, "DELIVERING", SETTLED);
        JsonNode queued = run(queue);
        assertThat(queued.get("decision").asText()).isEqualTo("QUEUED");
        long queuedBatch = queued.get("batchId").asLong();
        operator().awaitState(queuedBatch, "READY", SETTLED);
        assertThat(operator().postJson("/api/v1/batches/" + queueFirst + "/abort", Map.of()).status()).isEqualTo(202);
        operator().awaitState(queuedBatch, "DELIVERING", SETTLED);
        assertThat(operator().get("/api/v1/batches/" + queuedBatch + "/events").json().findValuesAsText("actor")).contains("campaign");

        for (long batch : List.of(firstBatch, queuedBatch)) {
            operator().postJson("/api/v1/batches/" + batch + "/abort", Map.of());
        }
        assertThat(operator().get("/api/v1/campaigns/" + skip + "/firings").json().findValuesAsText("decision"))
                .containsExactly("SKIPPED", "CREATED");
    }

    @Test
    void deliveryWaitsForItsSendWindowAndShowsUntilWhen() {
        Instant opens = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        LocalTime from = LocalTime.ofInstant(opens, ZoneOffset.UTC);
        long id = prepare(Recipients.csv(3_040_000, 20));
        ApiClient.Response windowed = marketer().patchJson("/api/v1/batches/" + id,
                "{\"sendWindow\": {\"from\": \"" + from + "\", \"to\": \"" + from.plusHours(2) + "\", \"timezone\": \"UTC\"}}");
        assertThat(windowed.status()).as(windowed.text()).isEqualTo(200);
        assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);

        JsonNode waiting = operator().await("/api/v1/batches/" + id + "/progress", p -> !p.path("waitingUntil").isNull()
                && !p.path("waitingUntil").isMissingNode(), SETTLED);
        assertThat(Instant.parse(waiting.get("waitingUntil").asText())).isEqualTo(opens);
        assertThat(waiting.get("etaSeconds").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(accounting.acceptedFor(Recipients.phone(3_040_000))).isZero();
        JsonNode completed = operator().awaitState(id, "COMPLETED", SETTLED);
        assertThat(completed.get("counts").get("sent").asInt()).isEqualTo(20);
        assertThat(Instant.now()).isAfterOrEqualTo(opens);
        assertThat(completed.get("waitingUntil").isNull()).isTrue();
    }

    @Test
    void aSendWindowStopsDeliveryWhenItClosesAndResumesItWhenItOpensAgainDrivenByTheClock() {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        long id = prepare(Recipients.csv(3_060_000, 400), Map.of("tps", "100"));
        ApiClient.Response windowed = marketer().patchJson("/api/v1/batches/" + id,
                "{\"sendWindow\": {\"from\": \"09:00\", \"to\": \"17:00\", \"timezone\": \"UTC\"}}");
        assertThat(windowed.status()).as(windowed.text()).isEqualTo(200);
        try {
            clock.set(today.plus(Duration.ofHours(17)).minusSeconds(2));      // 16:59:58: open, for two seconds more
            assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of("reason", "tps 100")).status()).isEqualTo(202);
            JsonNode closed = operator().await("/api/v1/batches/" + id, b -> !b.path("waitingUntil").isNull(), SETTLED);
            Instant tomorrowNine = today.plus(Duration.ofHours(24 + 9));
            assertThat(Instant.parse(closed.get("waitingUntil").asText())).isEqualTo(tomorrowNine);
            // every partition has stopped: submits in flight answered and recorded, claimed messages put back
            JsonNode quiet = operator().await("/api/v1/batches/" + id, b -> sending(id) == 0, SETTLED);
            int sentBeforeClose = quiet.get("counts").get("sent").asInt();
            assertThat(sentBeforeClose).isBetween(1, 399);
            long accepted = accounting.accepted();
            sleep(1500);
            assertThat(accounting.accepted()).as("nothing submitted while the window is closed").isEqualTo(accepted);

            clock.set(tomorrowNine.plusSeconds(1));
            JsonNode completed = operator().awaitState(id, "COMPLETED", SETTLED);
            assertThat(completed.get("counts").get("sent").asInt()).isEqualTo(400);
            assertThat(completed.get("waitingUntil").isNull()).isTrue();
        } finally {
            clock.reset();
        }
    }

    /**
     * A submit waits for the rate limit, and the window may close during that wait: the window is
     * judged again once the wait is over, so nothing is submitted after it closed. At 1 TPS every
     * partition but one waits about a second for its token, which the clock jump lands in.
     */
    @Test
    void aSubmitThatWaitedForTheRateLimitWhileTheWindowClosedIsNotMade() {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        long id = prepare(Recipients.csv(3_070_000, 8), Map.of("tps", "1"));
        ApiClient.Response windowed = marketer().patchJson("/api/v1/batches/" + id,
                "{\"sendWindow\": {\"from\": \"09:00\", \"to\": \"17:00\", \"timezone\": \"UTC\"}}");
        assertThat(windowed.status()).as(windowed.text()).isEqualTo(200);
        try {
            clock.set(today.plus(Duration.ofHours(12)));
            long acceptedBefore = accounting.accepted();
            assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
            awaitAccepted(acceptedBefore + 1);
            clock.set(today.plus(Duration.ofHours(17)).plusSeconds(1));     // closed, while the others wait for tokens
            long atClose = accounting.accepted();
            sleep(3000);
            assertThat(accounting.accepted()).as("submits after the window closed").isEqualTo(atClose);
            JsonNode waiting = operator().await("/api/v1/batches/" + id,
                    b -> !b.path("waitingUntil").isNull() && sending(id) == 0, SETTLED);
            assertThat(waiting.get("state").asText()).isEqualTo("DELIVERING");

            clock.set(today.plus(Duration.ofHours(24 + 9)).plusSeconds(1));
            JsonNode completed = operator().awaitState(id, "COMPLETED", SETTLED);
            assertThat(completed.get("counts").get("sent").asInt()).isEqualTo(8);
            for (int i = 3_070_000; i < 3_070_008; i++) {
                assertThat(accounting.acceptedFor(Recipients.phone(i))).as("submit_sm for %s", Recipients.phone(i)).isEqualTo(1);
            }
        } finally {
            clock.reset();
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private long sending(long batchId) {
        return jdbc.queryForObject("SELECT count(*) FROM sms_message WHERE batch_id = ? AND status = 'SENDING'", Long.class,
                batchId);
    }

    private void awaitAccepted(long atLeast) {
        long deadline = System.currentTimeMillis() + SETTLED.toMillis();
        while (accounting.accepted() < atLeast && System.currentTimeMillis() < deadline) {
            sleep(20);
        }
        assertThat(accounting.accepted()).isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    void aRecipientLocalWindowHoldsBackOnlyTheRecipientsWhoseWindowIsClosed() {
        // open now in New York (the test numbers are New Jersey's), closed in Shanghai (12 or 13 hours ahead)
        LocalTime newYork = LocalTime.now(ZoneId.of("America/New_York"));
        String csv = "name,phone\r\n" + "Ann," + Recipients.phone(3_050_000) + "\r\nBen," + Recipients.phone(3_050_001)
                + "\r\nLi,+8613800138000\r\n";
        long id = marketer().uploadCsv(csv.getBytes(StandardCharsets.UTF_8),
                Map.of("name", "local", "template", "Hi {{name}}", "region", "US")).createdId();
        operator().awaitState(id, "READY", SETTLED);
        String window = "{\"sendWindow\": {\"from\": \"" + newYork.minusMinutes(30).truncatedTo(ChronoUnit.MINUTES)
                + "\", \"to\": \"" + newYork.plusHours(2).truncatedTo(ChronoUnit.MINUTES) + "\", \"timezone\": \"recipient\"}}";
        assertThat(marketer().patchJson("/api/v1/batches/" + id, window).status()).isEqualTo(200);
        operator().postJson("/api/v1/batches/" + id + "/start", Map.of());

        operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("sent").asInt() == 2, SETTLED);
        JsonNode batch = operator().await("/api/v1/batches/" + id, b -> !b.path("waitingUntil").isNull(), SETTLED);
        assertThat(batch.get("state").asText()).isEqualTo("DELIVERING");
        assertThat(accounting.acceptedFor("+8613800138000")).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM sms_message WHERE batch_id = ? AND phone = '+8613800138000'",
                String.class, id)).isEqualTo("RETRYING");
        assertThat(operator().postJson("/api/v1/batches/" + id + "/abort", Map.of()).status()).isEqualTo(202);
        operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("cancelled").asInt() == 1, SETTLED);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long prepare(byte[] csv) {
        return prepare(csv, Map.of());
    }

    private long prepare(byte[] csv, Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(Map.of("name", "windowed", "template", "Hi {{name}}", "region", "US"));
        all.putAll(fields);
        long id = marketer().uploadCsv(csv, all).createdId();
        operator().awaitState(id, "READY", SETTLED);
        return id;
    }

    private long audience(String name, byte[] csv) {
        ApiClient.Response response = marketer().uploadCsv(csv, Map.of("name", name, "region", "US"), "/api/v1/audiences");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private long readyAudience(int first, int count) {
        long id = audience("audience " + first, Recipients.csv(first, count));
        marketer().await("/api/v1/audiences/" + id, a -> a.get("state").asText().equals("READY"), SETTLED);
        return id;
    }

    private static Map<String, Object> campaign(long audience, Map<String, Object> overrides) {
        Map<String, Object> campaign = new HashMap<>(Map.of("name", "loyalty", "cron", "0 0 9 ? * MON",
                "timezone", "Asia/Shanghai", "audienceId", audience, "template", "Hi {{name}}"));
        campaign.putAll(overrides);
        return campaign;
    }

    private JsonNode create(Map<String, Object> campaign) {
        ApiClient.Response response = marketer().postJson("/api/v1/campaigns", campaign);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    private JsonNode run(long campaign) {
        ApiClient.Response response = operator().postJson("/api/v1/campaigns/" + campaign + "/run", Map.of());
        assertThat(response.status()).as(response.text()).isEqualTo(202);
        return response.json();
    }

    private void assertRefused(Map<String, Object> campaign, String field) {
        ApiClient.Response response = marketer().postJson("/api/v1/campaigns", campaign);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.text()).contains(field);
    }
}
