package org.smsengine.provider.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.SecondEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * Phones as gateways, end to end: a node whose only (so default) provider is {@code phones}, of type
 * GATEWAY, with a lease of three seconds, and devices played by plain HTTP calls. Everything is asked of
 * that node (the shared one has no such provider); a node of its own rather than a test context of its
 * own, so that no node of it outlives the class. Each test drains what it queues, so the next finds the
 * queue empty.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayProviderIT extends EngineIntegrationTest {

    private static final String PROVIDER = "phones";
    private static final String GATEWAY = "/api/v1/providers/" + PROVIDER + "/gateway";
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration DONE = Duration.ofSeconds(60);
    /** 170 GSM-7 characters: two parts. */
    private static final String LONG_TEMPLATE = "Hi {{name}}, " + "x".repeat(170);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private SecondEngine phones;
    private int phonesPort;
    private final Map<String, ApiClient> clients = new HashMap<>();

    GatewayProviderIT(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @BeforeAll
    void startANodeWhoseOnlyProviderIsThePhones() {
        Map<String, Object> properties = new HashMap<>(engineProperties());
        // the list replaces the development run's (a list is bound from one place), so phones is the only provider
        properties.put("sms.providers.default-provider", PROVIDER);
        properties.put("sms.providers.definitions[0].name", PROVIDER);
        properties.put("sms.providers.definitions[0].type", "GATEWAY");
        properties.put("sms.providers.definitions[0].tps", 1000);
        properties.put("sms.providers.definitions[0].gateway.lease", LEASE.toMillis() + "ms");
        properties.put("sms.providers.definitions[0].gateway.max-per-pull", 50);
        properties.put("sms.providers.definitions[0].gateway.max-attempts", 3);
        // and the development run's route to its HTTP provider gives way to one of the phones'
        properties.put("sms.routing.routes[0].name", "phones");
        properties.put("sms.routing.routes[0].providers[0].name", PROVIDER);
        phones = SecondEngine.start(properties, dataSource);
        phonesPort = phones.port();
    }

    @AfterAll
    void stopIt() {
        if (phones != null) {
            phones.close();
        }
    }

    @Test
    void aDeviceThatVanishesMidLeaseLosesItsMessagesToAnotherAndEveryMessageIsDeliveredOnce() throws Exception {
        Phone vanishing = Phone.register(on("admin"), phonesPort, PROVIDER, "vanishing");
        Phone steady = Phone.register(on("admin"), phonesPort, PROVIDER, "steady");
        long batch = sentBatch(Recipients.csv(910_000, 200), "Hi {{name}}", 200);

        // given: one device leases 50 and is never heard of again
        List<JsonNode> lost = vanishing.pulled(50);
        assertThat(lost).hasSize(50);
        Set<Long> lostIds = ids(lost);

        // when: the other pulls and reports all it gets, until nothing is left within reach
        List<Long> leasedToSteady = new ArrayList<>();
        for (List<JsonNode> got = steady.pulled(50); !got.isEmpty(); got = steady.pulled(50)) {
            leasedToSteady.addAll(ids(got));
            assertThat(steady.sent(got).get("refused")).isEmpty();
        }
        // the vanished device's leases run out: the provider counts them, and the next pull takes them (unless the
        // loop above outlasted the lease on a slow machine, and took them already)
        if (leasedToSteady.stream().noneMatch(lostIds::contains)) {
            JsonNode expired = on("admin").await(GATEWAY, status -> status.get("expiredLeases").asInt() == 50,
                    LEASE.multipliedBy(5));
            assertThat(expired.get("queued").asInt()).isZero();
        }
        for (List<JsonNode> got = steady.pulled(50); !got.isEmpty(); got = steady.pulled(50)) {
            leasedToSteady.addAll(ids(got));
            steady.sent(got);
        }
        // the steady device was heard from a moment ago: it is seen (within the lease). Not asked while waiting for
        // the leases to expire: by then the steady device's last call could itself be older than the lease
        assertThat(on("admin").get(GATEWAY).json().get("devicesSeen").asInt()).isGreaterThanOrEqualTo(1);

        // then: each message was leased to the steady device exactly once, the lost ones among them
        assertThat(leasedToSteady).hasSize(200).doesNotHaveDuplicates().containsAll(lostIds);
        // a late report from the vanished device is refused for every message: another device has decided them
        JsonNode late = vanishing.sent(lost);
        assertThat(late.get("accepted")).isEmpty();
        assertThat(late.get("refused")).hasSize(50)
                .allSatisfy(refused -> assertThat(refused.get("reason").asText()).isEqualTo("not_leased_to_this_device"));
        JsonNode counts = on("admin").await("/api/v1/batches/" + batch, b -> b.get("counts").get("delivered").asInt() == 200,
                DONE).get("counts");
        assertThat(counts.get("failed").asInt()).isZero();
        assertThat(statuses(batch)).containsOnlyKeys("DELIVERED");
        // DELIVERED after SENT (the phone heard back from the network) is taken and changes nothing
        assertThat(steady.report(lost.stream().map(m -> Map.<String, Object>of("id", m.get("id").asLong(),
                "outcome", "DELIVERED")).toList()).json().get("accepted")).hasSize(50);
        Thread.sleep(500);
        assertThat(on("admin").get("/api/v1/batches/" + batch).json().get("counts").get("delivered").asInt()).isEqualTo(200);
        Map<Long, JsonNode> devices = devices();
        assertThat(devices.get(steady.id()).get("sent").asInt()).isEqualTo(200);
        assertThat(devices.get(vanishing.id()).get("sent").asInt()).isZero();
        assertThat(devices.get(vanishing.id()).get("leased").asInt()).isZero();
        assertThat(devices.get(vanishing.id()).get("lastSeen").isNull()).isFalse();
    }

    @Test
    void aFailureWorthARetryGoesToAnotherPullAndOneNotWorthItEndsUndeliveredWithTheDevicesError() {
        Phone first = Phone.register(on("admin"), phonesPort, PROVIDER, "first");
        Phone second = Phone.register(on("admin"), phonesPort, PROVIDER, "second");
        long batch = sentBatch(Recipients.csv(920_000, 3), LONG_TEMPLATE, 3);
        List<JsonNode> pulled = first.pulled(10);
        assertThat(pulled).hasSize(3).allSatisfy(m -> assertThat(m.get("segments").asInt()).isEqualTo(2));
        long retried = pulled.get(0).get("id").asLong();
        long barred = pulled.get(1).get("id").asLong();
        long stubborn = pulled.get(2).get("id").asLong();

        JsonNode answer = first.report(List.of(failed(retried, true, "radio off"), failed(barred, false, "number barred"),
                failed(stubborn, true, "radio off"))).json();
        assertThat(answer.get("accepted")).hasSize(3);

        // the retried ones go to the next pull, of any device; the stubborn one fails on every device it reaches
        assertThat(ids(second.pulled(10))).containsExactlyInAnyOrder(retried, stubborn);
        assertThat(second.report(List.of(Map.of("id", retried, "outcome", "SENT"), failed(stubborn, true, "no signal")))
                .json().get("accepted")).hasSize(2);
        assertThat(ids(first.pulled(10))).containsExactlyInAnyOrder(stubborn);
        assertThat(first.report(List.of(failed(stubborn, true, "no signal"))).json().get("accepted")).hasSize(1);
        assertThat(second.pulled(10)).as("three leases: no more").isEmpty();
        // a contradiction of a decided outcome, by the device that decided it, is refused
        assertThat(second.report(List.of(failed(retried, false, "oops"))).json().get("refused").get(0).get("reason")
                .asText()).isEqualTo("already_reported");

        on("admin").await("/api/v1/batches/" + batch, b -> b.get("counts").get("delivered").asInt() == 1
                && b.get("counts").get("failed").asInt() == 2, DONE);
        Map<String, JsonNode> byStatus = new HashMap<>();
        on("admin").get("/api/v1/batches/" + batch + "/messages?size=10").json().get("items")
                .forEach(m -> byStatus.merge(m.get("status").asText() + ":" + m.get("error").asText(), m, (a, b) -> a));
        assertThat(byStatus).containsOnlyKeys("DELIVERED:null", "UNDELIVERED:number barred",
                "UNDELIVERED:gateway:attempts_exhausted: no signal");
    }

    @Test
    void aRevokedDeviceIsRefusedAndItsLeasesGoBackToTheQueue() {
        Phone revoked = Phone.register(on("admin"), phonesPort, PROVIDER, "stolen");
        Phone other = Phone.register(on("admin"), phonesPort, PROVIDER, "spare");
        long batch = sentBatch(Recipients.csv(930_000, 3), "Hi {{name}}", 3);
        Set<Long> held = ids(revoked.pulled(10));
        assertThat(held).hasSize(3);

        ApiClient.Response byOperator = on("operator").delete("/api/v1/providers/" + PROVIDER + "/devices/" + revoked.id());
        assertThat(byOperator.status()).isEqualTo(403);
        ApiClient.Response revocation = on("admin").delete("/api/v1/providers/" + PROVIDER + "/devices/" + revoked.id());
        assertThat(revocation.status()).as(revocation.text()).isEqualTo(200);
        assertThat(revocation.json().get("messagesReturned").asInt()).isEqualTo(3);

        ApiClient.Response refused = revoked.pull(10);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asText()).contains("revoked");
        assertThat(revoked.report(List.of(Map.of("id", held.iterator().next(), "outcome", "SENT"))).status()).isEqualTo(401);
        List<JsonNode> again = other.pulled(10);
        assertThat(ids(again)).isEqualTo(held);
        other.sent(again);
        on("admin").await("/api/v1/batches/" + batch, b -> b.get("counts").get("delivered").asInt() == 3, DONE);
        assertThat(devices().get(revoked.id()).get("enabled").asBoolean()).isFalse();
    }

    @Test
    void unknownKeysAreRefused401AndOnlyAnAdminRegistersDevices() {
        assertThat(Phone.post(phonesPort, null, "/api/v1/gateway/pull", "").status()).isEqualTo(401);
        ApiClient.Response unknown = Phone.post(phonesPort, DeviceKeys.newKey(), "/api/v1/gateway/pull", "");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("status").asInt()).isEqualTo(401);
        assertThat(Phone.post(phonesPort, "nonsense", "/api/v1/gateway/report", "[]").status()).isEqualTo(401);
        assertThat(Phone.post(phonesPort, null, "/api/v1/gateway/report", "not json").status()).as("the key first")
                .isEqualTo(401);

        String devices = "/api/v1/providers/" + PROVIDER + "/devices";
        assertThat(on("marketer").postJson(devices, Map.of("name", "mine")).status()).isEqualTo(403);
        assertThat(on("operator").postJson(devices, Map.of("name", "mine")).status()).isEqualTo(403);
        assertThat(on("anonymous").postJson(devices, Map.of("name", "mine")).status()).isEqualTo(401);
        assertThat(on("marketer").get(devices).status()).isEqualTo(200);
        ApiClient.Response blank = on("admin").postJson(devices, Map.of("name", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(on("admin").postJson("/api/v1/providers/nosuch/devices", Map.of("name", "x")).status()).isEqualTo(404);
        ApiClient.Response registered = on("admin").postJson(devices, Map.of("name", "shown once"));
        assertThat(registered.json().get("key").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(on("admin").get(devices).text()).doesNotContain(registered.json().get("key").asText());
    }

    @Test
    void badReportsAreRefused400NamingTheItemAndTheField() {
        Phone phone = Phone.register(on("admin"), phonesPort, PROVIDER, "clumsy");
        ApiClient.Response fields = phone.post("/api/v1/gateway/report",
                "[{\"id\": 1, \"outcome\": \"SENT\"}, {\"outcome\": \"LOST\"}, {\"id\": 1, \"outcome\": \"FAILED\"}]");
        assertThat(fields.status()).isEqualTo(400);
        assertThat(StreamSupport.stream(fields.json().get("errors").spliterator(), false).map(e -> e.get("field").asText()))
                .containsExactly("[1].id", "[1].outcome", "[2].id");
        ApiClient.Response type = phone.post("/api/v1/gateway/report", "[{\"id\": \"one\", \"outcome\": \"SENT\"}]");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.json().get("errors").get(0).get("field").asText()).isEqualTo("[0].id");
        assertThat(phone.post("/api/v1/gateway/report", "{\"id\": 1}").status()).isEqualTo(400);
        ApiClient.Response max = phone.pull(0);
        assertThat(max.status()).isEqualTo(400);
        assertThat(max.json().get("errors").get(0).get("field").asText()).isEqualTo("max");
        // an id the provider never queued is refused as unknown, not an error
        ApiClient.Response unknown = phone.report(List.of(Map.of("id", Long.MAX_VALUE, "outcome", "SENT")));
        assertThat(unknown.json().get("refused").get(0).get("reason").asText()).isEqualTo("unknown");
    }

    @Test
    void aMessageWhoseValidityPassesInTheQueueIsNeverLeasedAndEndsExpired() {
        Phone phone = Phone.register(on("admin"), phonesPort, PROVIDER, "late");
        String validUntil = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(12).toString();
        long id = on("marketer").uploadCsv(Recipients.csv(940_000, 1), Map.of("name", "short-lived", "template", "Hi {{name}}",
                "region", "US", "validUntil", validUntil)).createdId();
        on("marketer").awaitState(id, "READY", READY);
        assertThat(on("operator").postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        assertThat(on("operator").awaitState(id, "COMPLETED", DONE).get("counts").get("sent").asInt()).isEqualTo(1);
        on("admin").await(GATEWAY, status -> OffsetDateTime.now().isAfter(OffsetDateTime.parse(validUntil).plusSeconds(1)),
                Duration.ofSeconds(30), 500);

        assertThat(phone.pulled(10)).isEmpty();
        JsonNode message = on("admin").await("/api/v1/batches/" + id + "/messages", page -> page.get("items").get(0)
                .get("status").asText().equals("EXPIRED"), DONE).get("items").get(0);
        assertThat(message.get("error").asText()).isEqualTo("gateway:validity_passed");
    }

    @Test
    void sentAndFailedMessagesPastTheRetentionArePurgedAndUnsentOnesStay() {
        long old = queueRow("SENT", "now() - interval '91 days'");
        long recent = queueRow("FAILED", "now() - interval '1 day'");
        long unsent = jdbc.queryForObject("INSERT INTO sms_gateway_message (provider, reference, destination, text,"
                + " segments, parts, receipt, state, created_at) VALUES ('elsewhere', 1, '+12015550000', 'x', 1, '{1}',"
                + " false, 'QUEUED', now() - interval '200 days') RETURNING id", Long.class);
        phones.bean(GatewayRetention.class).purge();
        assertThat(jdbc.queryForList("SELECT id FROM sms_gateway_message WHERE id IN (?, ?, ?)", Long.class, old, recent,
                unsent)).containsExactlyInAnyOrder(recent, unsent);
        jdbc.update("DELETE FROM sms_gateway_message WHERE id IN (?, ?)", recent, unsent);
    }

    private long queueRow(String state, String doneAt) {
        return jdbc.queryForObject("INSERT INTO sms_gateway_message (provider, reference, destination, text, segments,"
                + " parts, receipt, state, done_at) VALUES ('elsewhere', 1, '+12015550000', 'x', 1, '{1}', false, '"
                + state + "', " + doneAt + ") RETURNING id", Long.class);
    }

    /** A batch started and submitted to the provider (COMPLETED: every message SENT, i.e. queued for the phones). */
    private long sentBatch(byte[] csv, String template, int messages) {
        long id = on("marketer").uploadCsv(csv, Map.of("name", "gateway", "template", template, "region", "US")).createdId();
        on("marketer").awaitState(id, "READY", READY);
        assertThat(on("operator").postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        JsonNode done = on("operator").awaitState(id, "COMPLETED", DONE);
        assertThat(done.get("counts").get("sent").asInt()).isEqualTo(messages);
        return id;
    }

    /** The API of the phones node as this user sees it; one client per user (each holds an HTTP client and its threads). */
    private ApiClient on(String user) {
        return clients.computeIfAbsent(user, name -> name.equals("anonymous") ? new ApiClient(phonesPort, null, null)
                : new ApiClient(phonesPort, name, name));
    }

    private Map<String, Integer> statuses(long batch) {
        Map<String, Integer> counts = new HashMap<>();
        on("admin").get("/api/v1/batches/" + batch + "/messages?size=1000").json().get("items")
                .forEach(m -> counts.merge(m.get("status").asText(), 1, Integer::sum));
        return counts;
    }

    private Map<Long, JsonNode> devices() {
        Map<Long, JsonNode> byId = new HashMap<>();
        on("admin").get("/api/v1/providers/" + PROVIDER + "/devices").json().forEach(d -> byId.put(d.get("id").asLong(), d));
        return byId;
    }

    private static Map<String, Object> failed(long id, boolean retry, String error) {
        return Map.of("id", id, "outcome", "FAILED", "retry", retry, "error", error);
    }

    private static Set<Long> ids(List<JsonNode> messages) {
        Set<Long> ids = new HashSet<>();
        messages.forEach(m -> ids.add(m.get("id").asLong()));
        return ids;
    }
}
