package org.smsengine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.smsengine.simulator.SimulatorSettings;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.SecondEngine;
import org.smsengine.support.TestServices;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * Three providers on a node of their own (it takes the requests, so it runs the batches' jobs): "simulator", the
 * shared SMSC simulator over SMPP, weight 2; "simulator-http", the same simulator's HTTP side, weight 1 (its
 * submissions are counted in the same accounting); and "backup", a second SMSC this test starts, stops and breaks,
 * weight 1. Messages to GB and FR go by least cost. On this node a throttling answer means "switch provider", so
 * a throttling SMSC trips its circuit breaker without any doubt about what it accepted.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingIT extends EngineIntegrationTest {

    private static final Duration DONE = Duration.ofSeconds(90);
    private static final int BACKUP_PORT = TestServices.freePort();

    private final JdbcTemplate jdbc;
    private final SmscSimulator simulator;
    private final DataSource dataSource;
    private SmscSimulator backup;
    private SecondEngine routed;
    private int routedPort;

    RoutingIT(JdbcTemplate jdbc, SmscSimulator simulator, DataSource dataSource) {
        this.jdbc = jdbc;
        this.simulator = simulator;
        this.dataSource = dataSource;
    }

    @BeforeAll
    void startTheBackupAndTheRoutedNode() throws IOException {
        backup = startBackup(0);
        Map<String, Object> properties = new HashMap<>(engineProperties());
        provider(properties, 0, "simulator", SMSC_PORT, 2);
        provider(properties, 1, "backup", BACKUP_PORT, 1);
        httpProvider(properties, 2);
        properties.put("sms.providers.default-provider", "simulator");
        properties.put("sms.routing.routes[0].name", "one-time-codes");
        properties.put("sms.routing.routes[0].tags", "otp");
        properties.put("sms.routing.routes[0].strategy", "PRIORITY");
        properties.put("sms.routing.routes[0].providers[0].name", "backup");
        properties.put("sms.routing.routes[1].name", "europe");
        properties.put("sms.routing.routes[1].countries", "GB,FR");
        properties.put("sms.routing.routes[1].strategy", "LEAST_COST");
        properties.put("sms.routing.routes[1].providers[0].name", "simulator");
        properties.put("sms.routing.routes[1].providers[1].name", "backup");
        properties.put("sms.routing.routes[2].name", "everywhere");
        properties.put("sms.routing.routes[2].strategy", "WEIGHTED");
        properties.put("sms.routing.routes[2].providers[0].name", "simulator");
        properties.put("sms.routing.routes[2].providers[0].weight", 2);
        properties.put("sms.routing.routes[2].providers[1].name", "backup");
        properties.put("sms.routing.routes[2].providers[1].weight", 1);
        properties.put("sms.routing.routes[2].providers[2].name", "simulator-http");
        properties.put("sms.routing.routes[2].providers[2].weight", 1);
        properties.put("sms.routing.currency", "EUR");
        properties.put("sms.routing.prices.simulator.US", "0.0075");
        properties.put("sms.routing.prices.simulator.GB", "0.04");
        properties.put("sms.routing.prices.simulator.default", "0.05");
        properties.put("sms.routing.prices.backup.US", "0.006");
        properties.put("sms.routing.prices.backup.default", "0.03");
        properties.put("sms.routing.prices.simulator-http.US", "0.007");
        properties.put("sms.routing.prices.simulator-http.default", "0.06");
        properties.put("sms.routing.failure-rules[0].codes[0]", "smpp:0x00000058");
        properties.put("sms.routing.failure-rules[0].action", "SWITCH");
        properties.put("sms.routing.breaker.window", 20);
        properties.put("sms.routing.breaker.minimum-calls", 10);
        properties.put("sms.routing.breaker.open-for", "2s");
        properties.put("sms.routing.breaker.half-open-calls", 3);
        properties.put("sms.routing.state-poll", "200ms");
        routed = SecondEngine.start(properties, dataSource);
        routedPort = routed.port();
        awaitProvider("backup", p -> p.get("sessions").get("bound").asInt() == 1);
    }

    private static void provider(Map<String, Object> properties, int i, String name, int port, int sessions) {
        String key = "sms.providers.definitions[" + i + "].";
        properties.put(key + "name", name);
        properties.put(key + "type", "SMPP");
        properties.put(key + "tps", 5000);
        properties.put(key + "sessions", sessions);
        properties.put(key + "smpp.host", "localhost");
        properties.put(key + "smpp.port", port);
        properties.put(key + "smpp.response-timeout", "2s");
        properties.put(key + "smpp.reconnect-delay", "200ms");
        properties.put(key + "smpp.reconnect-delay-max", "1s");
    }

    /**
     * The shared simulator's HTTP side as a third provider, named as the shared node names it: the simulator posts its
     * receipts to that node's webhook, and any node applies a receipt.
     */
    private static void httpProvider(Map<String, Object> properties, int i) {
        String key = "sms.providers.definitions[" + i + "].";
        properties.put(key + "name", "simulator-http");
        properties.put(key + "type", "HTTP");
        properties.put(key + "tps", 5000);
        properties.put(key + "window", 32);
        properties.put(key + "http.url", "http://localhost:" + SMSC_HTTP_PORT + "/http/messages");
        properties.put(key + "http.request-timeout", "2s");
        properties.put(key + "http.answer.message-id", "/messageId");
        properties.put(key + "http.answer.error-code", "/error");
        properties.put(key + "http.receipts.message-id", "/messageId");
        properties.put(key + "http.receipts.status", "/status");
        properties.put(key + "http.receipts.error", "/error");
        properties.put(key + "http.receipts.done-at", "/doneAt");
        properties.put(key + "http.receipts.statuses.delivered", "DELIVERED");
        properties.put(key + "http.receipts.statuses.undelivered", "UNDELIVERED");
        properties.put(key + "http.receipts.statuses.expired", "EXPIRED");
        properties.put(key + "http.receipts.statuses.rejected", "REJECTED");
        properties.put(key + "http.receipts.verify", "HMAC_SHA256");
        properties.put(key + "http.receipts.header", "X-Signature");
        properties.put(key + "http.receipts.secret", "${sms.simulator.http-receipt-secret}");
    }

    /** The second SMSC; with {@code throttleRate} 1 it refuses every submission with ESME_RTHROTTLED. */
    private static SmscSimulator startBackup(double throttleRate) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return new SmscSimulator(new SimulatorSettings(true, BACKUP_PORT, "engine", "secret", Duration.ZERO, 0,
                        throttleRate, 0, Duration.ofMillis(50), 0, 0, 0, true, 0, 2, 4, null, 0, null, null, 4,
                        SimulatorSettings.ReceiptStyle.TEXT, SimulatorSettings.ReceiptPdu.DELIVER_SM, SimulatorSettings.IdFormat.HEX,
                        InetAddress.getLoopbackAddress())).start();
            } catch (java.net.BindException e) {
                // the port of the one just closed, briefly held (an outgoing connection may even have taken it)
                if (attempt == 50) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @AfterAll
    void stopThem() {
        if (routed != null) {
            routed.close();
        }
        if (backup != null) {
            backup.close();
        }
    }

    @Override
    protected ApiClient as(String user) {
        return new ApiClient(routedPort, user, user);
    }

    @Test
    @Order(1)
    void smoothWeightedRoundRobinKeepsTheRoutesWeightsWithinTwoPercentOverTenThousandMessages() {
        long id = deliver(3_200_000, 10_000);
        Map<String, Long> byProvider = byProvider(id);
        assertThat(byProvider.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10_000);
        assertThat(byProvider.get("simulator") / 10_000.0).isBetween(0.48, 0.52);
        assertThat(byProvider.get("backup") / 10_000.0).isBetween(0.23, 0.27);
        assertThat(byProvider.get("simulator-http") / 10_000.0).isBetween(0.23, 0.27);
        assertThat(backup.accounting().acceptedFor(Recipients.phone(3_200_000 + 1))
                + simulator.accounting().acceptedFor(Recipients.phone(3_200_000 + 1))).isEqualTo(1);
        // the report names each message's provider
        String report = operator().get("/api/v1/batches/" + id + "/report").text();
        assertThat(report.lines().findFirst().orElseThrow()).contains("country,provider");
        assertThat(report.lines().filter(line -> line.contains(",US,backup,")).count()).isEqualTo(byProvider.get("backup"));
    }

    @Test
    @Order(1)
    void aRouteSelectsBatchesByTheirTag() {
        long id = marketer().uploadCsv(Recipients.csv(3_205_000, 200), Map.of("name", "codes", "template", "Code {{name}}",
                "region", "US", "tag", "otp")).createdId();
        assertThat(operator().awaitState(id, "READY", DONE).get("tag").asText()).isEqualTo("otp");
        operator().postJson("/api/v1/batches/" + id + "/start", Map.of());
        operator().awaitState(id, "COMPLETED", DONE);
        assertThat(byProvider(id)).containsOnlyKeys("backup");
        assertThat(marketer().uploadCsv(Recipients.csv(3_206_000, 1), Map.of("name", "bad tag", "template", "Hi",
                "region", "US", "tag", "not a tag!")).status()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void anAdminDisablesAProviderForTheWholeClusterItDrainsAndTheAuditSaysWhoAndWhy() {
        assertThat(operator().postJson("/api/v1/providers/backup/disable", Map.of()).status()).isEqualTo(403);
        ApiClient.Response disabled = admin().postJson("/api/v1/providers/backup/disable", Map.of("reason", "carrier maintenance"));
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().get("health").asText()).isEqualTo("DOWN");
        assertThat(admin().postJson("/api/v1/providers/nobody/disable", Map.of()).status()).isEqualTo(404);
        try {
            long id = deliver(3_210_000, 400);
            assertThat(byProvider(id)).containsOnlyKeys("simulator", "simulator-http");
            // the shared node read the switch as well
            assertThat(new ApiClient(port, "operator", "operator").get("/api/v1/providers").status()).isEqualTo(200);
            assertThat(jdbc.queryForList("SELECT action || ' by ' || actor || ': ' || reason FROM sms_provider_event"
                    + " WHERE provider = 'backup' ORDER BY id", String.class)).startsWith("disable by admin: carrier maintenance");
        } finally {
            assertThat(admin().postJson("/api/v1/providers/backup/enable", Map.of()).json().get("enabled").asBoolean()).isTrue();
        }
        long after = deliver(3_211_000, 400);
        assertThat(byProvider(after)).containsKeys("simulator", "backup");
    }

    @Test
    @Order(3)
    void aThrottlingProviderOpensItsCircuitItsMessagesMoveOnAndHalfOpenProbesBringItBack() throws IOException {
        backup.close();
        backup = startBackup(1.0);
        awaitProvider("backup", p -> p.get("sessions").get("bound").asInt() == 1);
        int first = 3_220_000;
        long id = deliver(first, 2_000);
        assertThat(byProvider(id)).doesNotContainKey("backup");
        assertThat(operator().get("/api/v1/batches/" + id).json().get("counts").get("sent").asInt()).isEqualTo(2_000);
        for (int i = first; i < first + 2_000; i++) {
            assertThat(simulator.accounting().acceptedFor(Recipients.phone(i))).as(Recipients.phone(i)).isEqualTo(1);
            assertThat(backup.accounting().acceptedFor(Recipients.phone(i))).isZero();
        }
        JsonNode provider = provider("backup");
        assertThat(provider.get("circuit").asText()).isIn("OPEN", "HALF_OPEN");
        assertThat(provider.get("lastError").asText()).startsWith("smpp:0x00000058");

        // healthy again: after open-for, a few probes close the circuit and it takes its share once more
        backup.close();
        backup = startBackup(0);
        awaitProvider("backup", p -> p.get("sessions").get("bound").asInt() == 1);
        // a probe of the last batch's end may have opened it again: a batch started while it is open routes its first
        // pages around it, and with pages a second long that can be most of the batch (seen in CI: 128 of 4,000)
        awaitProvider("backup", p -> !p.get("circuit").asText().equals("OPEN"));
        long healed = prepare(3_230_000, 4_000, "2000");
        operator().postJson("/api/v1/batches/" + healed + "/start", Map.of());
        operator().awaitState(healed, "COMPLETED", DONE);
        assertThat(byProvider(healed).get("backup")).isGreaterThan(200);
        assertThat(provider("backup").get("circuit").asText()).isEqualTo("CLOSED");
    }

    @Test
    @Order(4)
    void theForecastPricesEachCountryAsItWillBeRoutedAndTheCostAddsUpWhatWasAccepted() {
        StringBuilder csv = new StringBuilder("name,phone\r\n");
        for (int i = 0; i < 6; i++) {
            csv.append("Ann,").append(String.format("+447400%06d", 250_000 + i)).append("\r\n");
        }
        String longName = "Bernadette".repeat(16);     // two segments
        for (int i = 0; i < 3; i++) {
            csv.append(longName).append(',').append(String.format("+3361%07d", 250_000 + i)).append("\r\n");
        }
        for (int i = 0; i < 4; i++) {
            csv.append("Ann,").append(Recipients.phone(3_250_000 + i)).append("\r\n");
        }
        long id = marketer().uploadCsv(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("name", "priced", "template", "Hello {{name}}", "region", "US")).createdId();
        JsonNode forecast = operator().awaitState(id, "READY", DONE).get("forecast");

        // GB and FR: least cost, the backup (0.03 against 0.04 and 0.05); US: weighted 2 to 1 to 1
        assertThat(forecast.get("currency").asText()).isEqualTo("EUR");
        assertThat(forecast.get("segments").asLong()).isEqualTo(6 + 3 * 2 + 4);
        assertThat(forecast.get("cost").decimalValue()).isEqualByComparingTo("0.388");
        Map<String, String> lines = new HashMap<>();
        forecast.get("byCountry").forEach(line -> lines.put(line.get("country").asText() + " " + line.get("provider").asText(),
                line.get("messages").asLong() + " " + line.get("segments").asLong() + " " + line.get("cost").decimalValue().toPlainString()));
        assertThat(lines).containsOnly(Map.entry("GB backup", "6 6 0.18"), Map.entry("FR backup", "3 6 0.18"),
                Map.entry("US simulator", "2 2 0.015"), Map.entry("US backup", "1 1 0.006"),
                Map.entry("US simulator-http", "1 1 0.007"));

        operator().postJson("/api/v1/batches/" + id + "/start", Map.of());
        JsonNode done = operator().awaitState(id, "COMPLETED", DONE);
        // what was accepted, priced message by message, is what the batch says it cost
        java.math.BigDecimal expected = java.math.BigDecimal.ZERO;
        for (Map<String, Object> row : jdbc.queryForList("SELECT country, provider, segments FROM sms_message WHERE batch_id = ?", id)) {
            String price = switch (row.get("provider") + " " + row.get("country")) {
                case "simulator US" -> "0.0075";
                case "simulator GB" -> "0.04";
                case "backup US" -> "0.006";
                case "backup GB", "backup FR" -> "0.03";
                case "simulator-http US" -> "0.007";
                case "simulator-http GB", "simulator-http FR" -> "0.06";
                default -> "0.05";
            };
            expected = expected.add(new java.math.BigDecimal(price).multiply(java.math.BigDecimal.valueOf(((Number) row.get("segments")).longValue())));
        }
        assertThat(done.get("cost").decimalValue()).isEqualByComparingTo(expected);
        assertThat(byProvider(id).get("backup")).isGreaterThanOrEqualTo(9);     // every GB and FR message
    }

    @Test
    @Order(5)
    void aBatchOverItsBudgetDoesNotStartAndOneReachingItPausesUntilTheBudgetIsRaised() {
        long refused = marketer().uploadCsv(Recipients.csv(3_260_000, 100), Map.of("name", "over budget",
                "template", "Hello {{name}}", "region", "US", "budget", "0.10")).createdId();
        operator().awaitState(refused, "READY", DONE);
        ApiClient.Response start = operator().postJson("/api/v1/batches/" + refused + "/start", Map.of());
        assertThat(start.status()).isEqualTo(409);
        assertThat(start.json().get("detail").asText()).contains("exceeds its budget of 0.1 EUR");
        assertThat(marketer().patchJson("/api/v1/batches/" + refused, "{\"budget\": -1}").status()).isEqualTo(400);
        assertThat(marketer().patchJson("/api/v1/batches/" + refused, "{\"budget\": 5}").status()).isEqualTo(200);
        assertThat(operator().postJson("/api/v1/batches/" + refused + "/start", Map.of()).status()).isEqualTo(202);
        operator().awaitState(refused, "COMPLETED", DONE);

        // no budget at the start; one set below what it has cost by then pauses it at the next recorded slice
        long paused = prepare(3_270_000, 3_000, "300");
        operator().postJson("/api/v1/batches/" + paused + "/start", Map.of());
        operator().await("/api/v1/batches/" + paused, b -> b.get("counts").get("sent").asInt() >= 300, DONE);
        assertThat(marketer().patchJson("/api/v1/batches/" + paused, "{\"budget\": 1}").status()).isEqualTo(200);
        JsonNode atBudget = operator().awaitState(paused, "DELIVERY_PAUSED", DONE);
        assertThat(atBudget.get("stateReason").asText()).startsWith("budget reached: cost ");
        assertThat(atBudget.get("cost").decimalValue()).isGreaterThanOrEqualTo(java.math.BigDecimal.ONE);
        ApiClient.Response resume = operator().postJson("/api/v1/batches/" + paused + "/resume", Map.of());
        assertThat(resume.status()).isEqualTo(409);
        assertThat(resume.json().get("detail").asText()).contains("has reached its budget of 1 EUR");
        assertThat(marketer().patchJson("/api/v1/batches/" + paused, "{\"budget\": 1000}").status()).isEqualTo(200);
        assertThat(operator().postJson("/api/v1/batches/" + paused + "/resume", Map.of()).status()).isEqualTo(202);
        assertThat(operator().awaitState(paused, "COMPLETED", DONE).get("counts").get("sent").asInt()).isEqualTo(3_000);
    }

    @Test
    @Order(10)
    void aBatchFinishesOnTheOtherProviderWhenOneIsKilledMidBatchAndNoNumberIsSentTwice() throws InterruptedException {
        int first = 3_240_000;
        int count = 4_000;
        long id = prepare(first, count, "800");
        long before = simulator.accounting().accepted() + backup.accounting().accepted();
        operator().postJson("/api/v1/batches/" + id + "/start", Map.of());
        awaitAccepted(() -> simulator.accounting().accepted() + backup.accounting().accepted() - before, 1_000);

        // the SMSC goes away for good (answering what it had taken first, as a real one's last responses are read)
        backup.drop(Duration.ofHours(1));

        JsonNode batch = operator().awaitState(id, "COMPLETED", DONE);
        assertThat(batch.get("counts").get("sent").asInt()).isEqualTo(count);
        assertThat(batch.get("counts").get("failed").asInt()).isZero();
        for (int i = first; i < first + count; i++) {
            String phone = Recipients.phone(i);
            assertThat(simulator.accounting().acceptedFor(phone) + backup.accounting().acceptedFor(phone))
                    .as("accepted submits for %s across both SMSCs", phone).isEqualTo(1);
        }
        Map<String, Long> byProvider = byProvider(id);
        assertThat(byProvider.get("backup")).as("backup took its share until it died").isGreaterThan(100);
        assertThat(byProvider.get("backup")).isEqualTo(countAcceptedBy(backup, first, count));
        assertThat(provider("backup").get("health").asText()).isEqualTo("DOWN");
    }

    private long countAcceptedBy(SmscSimulator smsc, int first, int count) {
        long n = 0;
        for (int i = first; i < first + count; i++) {
            n += smsc.accounting().acceptedFor(Recipients.phone(i));
        }
        return n;
    }

    private void awaitAccepted(java.util.function.LongSupplier accepted, long atLeast) {
        long deadline = System.nanoTime() + DONE.toNanos();
        while (accepted.getAsLong() < atLeast) {
            assertThat(System.nanoTime()).as("%d submissions accepted in time", atLeast).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private Map<String, Long> byProvider(long batchId) {
        return jdbc.queryForList("SELECT provider, count(*) AS n FROM sms_message WHERE batch_id = ? GROUP BY provider",
                batchId).stream().collect(Collectors.toMap(row -> String.valueOf(row.get("provider")),
                row -> ((Number) row.get("n")).longValue()));
    }

    private JsonNode provider(String name) {
        for (JsonNode provider : operator().get("/api/v1/providers").json()) {
            if (provider.get("name").asText().equals(name)) {
                return provider;
            }
        }
        throw new AssertionError("no provider " + name);
    }

    private void awaitProvider(String name, java.util.function.Predicate<JsonNode> ready) {
        operator().await("/api/v1/providers", all -> {
            for (JsonNode provider : all) {
                if (provider.get("name").asText().equals(name)) {
                    return ready.test(provider);
                }
            }
            return false;
        }, Duration.ofSeconds(30));
    }

    private long prepare(int first, int count, String tps) {
        long id = marketer().uploadCsv(Recipients.csv(first, count), Map.of("name", "routed", "template", "Hello {{name}}",
                "region", "US", "tps", tps)).createdId();
        operator().awaitState(id, "READY", DONE);
        return id;
    }

    private long deliver(int first, int count) {
        long id = prepare(first, count, "4000");
        operator().postJson("/api/v1/batches/" + id + "/start", Map.of());
        operator().awaitState(id, "COMPLETED", DONE);
        return id;
    }
}
