package org.smsengine.delivery.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.scheduling.Housekeeping;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.ApiClient;
import org.smsengine.support.SecondEngine;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * Frequency caps across batches, on a second node configured with caps (1 per 4 hours and 3 per 7
 * days), which takes the requests and so runs the batches' jobs; the shared engine has none, so the
 * other tests' batches, which send to some numbers more than once, are not capped.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrequencyCapIT extends EngineIntegrationTest {

    private static final Duration DONE = Duration.ofSeconds(60);

    private final JdbcTemplate jdbc;
    private final SmscSimulator simulator;
    private final DataSource dataSource;
    private SecondEngine capped;
    private int cappedPort;

    FrequencyCapIT(JdbcTemplate jdbc, SmscSimulator simulator, DataSource dataSource) {
        this.jdbc = jdbc;
        this.simulator = simulator;
        this.dataSource = dataSource;
    }

    @BeforeAll
    void startTheCappedNode() {
        Map<String, Object> properties = new HashMap<>(engineProperties());
        properties.put("sms.consent.screening.frequency-caps[0].messages", 1);
        properties.put("sms.consent.screening.frequency-caps[0].per", "4h");
        properties.put("sms.consent.screening.frequency-caps[1].messages", 3);
        properties.put("sms.consent.screening.frequency-caps[1].per", "7d");
        capped = SecondEngine.start(properties, dataSource);
        cappedPort = capped.port();
    }

    @AfterAll
    void stopTheCappedNode() {
        if (capped != null) {
            capped.close();
        }
    }

    @Override
    protected ApiClient as(String user) {
        return new ApiClient(cappedPort, user, user);
    }

    @Test
    void aSecondBatchWithinThePeriodIsCappedAndATransactionalOneIsNot() {
        int first = 3_600_000;
        long a = deliver(Recipients.csv(first, 10), false);
        assertThat(counts(a).get("sent").asInt()).isEqualTo(10);
        assertThat(counts(a).get("suppressed").asInt()).isZero();

        // five numbers again, five new ones
        long b = deliver(csv(first, 5, first + 10, 5), false);
        JsonNode bCounts = counts(b);
        assertThat(bCounts.get("sent").asInt()).isEqualTo(5);
        assertThat(bCounts.get("suppressed").asInt()).isEqualTo(5);
        Map<String, JsonNode> messages = messagesByPhone(b);
        for (int i = first; i < first + 5; i++) {
            JsonNode message = messages.get(Recipients.phone(i));
            assertThat(message.get("status").asText()).isEqualTo("SUPPRESSED");
            assertThat(message.get("error").asText()).isEqualTo("frequency_cap");
            assertThat(simulator.accounting().acceptedFor(Recipients.phone(i))).as("sent once, by the first batch").isEqualTo(1);
        }
        for (int i = first + 10; i < first + 15; i++) {
            assertThat(messages.get(Recipients.phone(i)).get("status").asText()).isIn("SENT", "DELIVERED");
        }

        // a transactional batch (a one-time code, a receipt) is not capped, and takes no slot
        long c = deliver(Recipients.csv(first, 5), true);
        assertThat(counts(c).get("sent").asInt()).isEqualTo(5);
        assertThat(counts(c).get("suppressed").asInt()).isZero();
        assertThat(operator().get("/api/v1/batches/" + c).json().get("transactional").asBoolean()).isTrue();

        // the report says why
        String report = operator().get("/api/v1/batches/" + b + "/report").text();
        assertThat(report.lines().filter(line -> line.contains("SUPPRESSED") && line.contains("frequency_cap")).count())
                .isEqualTo(5);
    }

    @Test
    void everyRuleMustHoldTheWeeklyOneToo() {
        int first = 3_610_000;
        String weekly = Recipients.phone(first);       // three sends this week, the last 5 hours ago: over 3 per 7 days
        String hourly = Recipients.phone(first + 1);   // one send 5 hours ago: within both rules
        jdbc.update("INSERT INTO sms_frequency (phone, sends, batches) VALUES (?, ARRAY[now() - interval '5 hours',"
                + " now() - interval '2 days', now() - interval '6 days'], ARRAY[-1, -2, -3]::bigint[])", weekly);
        jdbc.update("INSERT INTO sms_frequency (phone, sends, batches) VALUES (?, ARRAY[now() - interval '5 hours'],"
                + " ARRAY[-1]::bigint[])", hourly);
        long batch = deliver(Recipients.csv(first, 2), false);
        Map<String, JsonNode> messages = messagesByPhone(batch);
        assertThat(messages.get(weekly).get("status").asText()).isEqualTo("SUPPRESSED");
        assertThat(messages.get(hourly).get("status").asText()).isIn("SENT", "DELIVERED");
        List<Object> kept = jdbc.queryForList("SELECT cardinality(sends) FROM sms_frequency WHERE phone = ?", Object.class, hourly);
        assertThat(kept).containsExactly(2);
    }

    @Test
    void housekeepingForgetsSendTimesNoCapLooksBackToAndContactsPastTheRetention() {
        String old = Recipients.phone(3_620_000);
        String recent = Recipients.phone(3_620_001);
        jdbc.update("INSERT INTO sms_frequency (phone, sends, batches) VALUES (?, ARRAY[now() - interval '8 days'], ARRAY[-1]::bigint[]),"
                + " (?, ARRAY[now() - interval '6 days'], ARRAY[-1]::bigint[])", old, recent);
        jdbc.update("INSERT INTO sms_contact (phone, sender, batch_id, claimed_at) VALUES (?, '', -1, now() - interval '91 days'),"
                + " (?, '', -1, now() - interval '1 day')", old, recent);
        capped.bean(Housekeeping.class).purgeExpired();
        assertThat(jdbc.queryForList("SELECT phone FROM sms_frequency WHERE phone IN (?, ?)", String.class, old, recent))
                .containsExactly(recent);
        assertThat(jdbc.queryForList("SELECT phone FROM sms_contact WHERE phone IN (?, ?)", String.class, old, recent))
                .containsExactly(recent);
    }

    private long deliver(byte[] csv, boolean transactional) {
        long id = marketer().uploadCsv(csv, Map.of("name", "capped", "template", "Offer {{name}}", "region", "US",
                "transactional", Boolean.toString(transactional))).createdId();
        operator().awaitState(id, "READY", DONE);
        assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        operator().awaitState(id, "COMPLETED", DONE);
        return id;
    }

    private JsonNode counts(long id) {
        return operator().get("/api/v1/batches/" + id).json().get("counts");
    }

    private Map<String, JsonNode> messagesByPhone(long id) {
        Map<String, JsonNode> byPhone = new HashMap<>();
        admin().get("/api/v1/batches/" + id + "/messages?size=1000").json().get("items")
                .forEach(m -> byPhone.put(m.get("phone").asText(), m));
        return byPhone;
    }

    private static byte[] csv(int first, int count, int second, int secondCount) {
        String a = new String(Recipients.csv(first, count), java.nio.charset.StandardCharsets.UTF_8);
        String b = new String(Recipients.csv(second, secondCount), java.nio.charset.StandardCharsets.UTF_8);
        return (a + b.substring(b.indexOf('\n') + 1)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
