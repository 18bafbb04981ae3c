package org.smsengine.delivery.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.InboundMessage;
import org.smsengine.provider.InboundSink;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.scheduling.Housekeeping;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.SecondEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/** Consent honoured at send time: a STOP during delivery, on two nodes; a batch's validity, running and paused. */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ConsentDeliveryIT extends EngineIntegrationTest {

    private static final Duration DONE = Duration.ofSeconds(120);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final SmscSimulator simulator;
    private final PageScreen screen;
    private final Housekeeping housekeeping;

    ConsentDeliveryIT(JdbcTemplate jdbc, DataSource dataSource, SmscSimulator simulator, PageScreen screen, Housekeeping housekeeping) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.simulator = simulator;
        this.screen = screen;
        this.housekeeping = housekeeping;
    }

    @Test
    void aStopDuringDeliveryOf50000StopsThatNumberOnEveryNode() throws Exception {
        int first = 3_500_000;
        int total = 50_000;
        try (SecondEngine second = SecondEngine.start(engineProperties(), dataSource)) {
            long id = marketer().uploadCsv(Recipients.csv(first, total), Map.of("name", "stop mid-delivery",
                    "template", "Offer for {{name}}", "region", "US", "senderId", "SHOP")).createdId();
            operator().awaitState(id, "READY", DONE);
            // the last numbers of each delivery partition (each sends its rows in order): not claimed yet when they reply
            List<String> stopping = jdbc.queryForList("SELECT r.phone FROM sms_partition p"
                    + " JOIN sms_recipient r ON r.batch_id = p.batch_id AND r.row_no > p.last_row - 80 AND r.row_no <= p.last_row"
                    + " AND (p.last_row - r.row_no) % 8 = 0 WHERE p.batch_id = ?", String.class, id);
            assertThat(stopping).hasSizeGreaterThanOrEqualTo(20);
            assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
            operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("sent").asInt() >= 5_000, DONE, 20);
            PageScreen secondScreen = second.bean(PageScreen.class);
            InboundSink secondInbound = second.bean(InboundSink.class);
            for (int i = 0; i < stopping.size(); i++) {
                String text = i % 3 == 0 ? "Stop." : i % 3 == 1 ? "STOP" : "退订";
                if (i % 2 == 0) {
                    // over SMPP: the SMSC sends the reply on any bound session, the first node's or the second's
                    simulator.injectMo(stopping.get(i), "SHOP", text);
                } else {
                    secondInbound.accept(new InboundMessage("simulator", stopping.get(i), "SHOP", text, Instant.now()));
                }
            }
            // known to both nodes' submitters within a second of the last being stored
            long deadline = System.currentTimeMillis() + 1_000;
            for (String phone : stopping) {
                while (!(screen.optedOutSince(phone) && secondScreen.optedOutSince(phone))
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(screen.optedOutSince(phone)).as("first node knows %s", phone).isTrue();
                assertThat(secondScreen.optedOutSince(phone)).as("second node knows %s", phone).isTrue();
            }
            JsonNode done = operator().awaitState(id, "COMPLETED", DONE);
            JsonNode counts = done.get("counts");
            assertThat(counts.get("suppressed").asInt()).isEqualTo(stopping.size());
            assertThat(counts.get("sent").asInt() + counts.get("failed").asInt() + counts.get("suppressed").asInt())
                    .as("counts add up").isEqualTo(total);
            for (String phone : stopping) {
                // the one message an opted-out number still gets: the confirmation of its STOP (configured in the tests)
                long replies = awaitReplies(phone);
                assertThat(simulator.accounting().acceptedFor(phone)).as("submits to %s besides the STOP's confirmation", phone)
                        .isEqualTo(replies);
                Map<String, Object> message = jdbc.queryForMap(
                        "SELECT status, last_error FROM sms_message WHERE batch_id = ? AND phone = ?", id, phone);
                assertThat(message.get("status")).isEqualTo("SUPPRESSED");
                assertThat(message.get("last_error")).isEqualTo("opted_out");
                Map<String, Object> entry = jdbc.queryForMap(
                        "SELECT source, inbound_id FROM sms_opt_out WHERE phone = ?", phone);
                assertThat(entry.get("source")).isEqualTo("keyword");
                assertThat(entry.get("inbound_id")).isNotNull();
            }
            // the inbox shows why: each number's STOP, and the opt-out names it
            for (String phone : stopping) {
                JsonNode items = admin().get("/api/v1/inbound?phone=" + phone.substring(1)).json().get("items");
                assertThat(items).hasSize(1);
                assertThat(items.get(0).get("keyword").asText()).isEqualTo("STOP");
                assertThat(items.get(0).get("action").asText()).isEqualTo("opted_out");
                assertThat(admin().get("/api/v1/opt-outs/" + phone).json().get("inboundId").asLong())
                        .isEqualTo(items.get(0).get("id").asLong());
            }
        }
    }

    @Test
    void nothingIsSubmittedAfterValidUntilWhileDelivering() {
        int first = 3_560_000;
        OffsetDateTime validUntil = OffsetDateTime.now().plusSeconds(5);
        long id = prepare(first, 600, Map.of("tps", "50", "validUntil", validUntil.toString()));
        assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        JsonNode done = operator().awaitState(id, "COMPLETED", DONE);
        assertExpired(id, done, 600, validUntil);
    }

    @Test
    void aBatchPausedPastItsValidityEndsWithTheRestSuppressed() {
        int first = 3_570_000;
        OffsetDateTime validUntil = OffsetDateTime.now().plusSeconds(20);
        long id = prepare(first, 2000, Map.of("tps", "50", "validUntil", validUntil.toString()));
        assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("sent").asInt() >= 20, DONE, 20);
        assertThat(operator().postJson("/api/v1/batches/" + id + "/pause", Map.of()).status()).isEqualTo(202);
        operator().awaitState(id, "DELIVERY_PAUSED", DONE);
        housekeeping.endPausedPastValidity();
        assertThat(operator().get("/api/v1/batches/" + id).json().get("state").asText())
                .as("still valid: it stays paused").isEqualTo("DELIVERY_PAUSED");
        await(validUntil.plusSeconds(1));
        housekeeping.endPausedPastValidity();
        JsonNode done = operator().awaitState(id, "COMPLETED", DONE);
        assertExpired(id, done, 2000, validUntil);
        assertThat(operator().get("/api/v1/batches/" + id + "/events").text()).contains("validity_passed");
    }

    private void assertExpired(long id, JsonNode done, int total, OffsetDateTime validUntil) {
        JsonNode counts = done.get("counts");
        int sent = counts.get("sent").asInt();
        int suppressed = counts.get("suppressed").asInt();
        assertThat(sent).isPositive();
        assertThat(suppressed).isPositive();
        assertThat(sent + counts.get("failed").asInt() + suppressed).isEqualTo(total);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_message WHERE batch_id = ? AND status = 'SUPPRESSED'"
                + " AND last_error = 'validity_passed'", Long.class, id)).isEqualTo(suppressed);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_message WHERE batch_id = ? AND sent_at > ?",
                Long.class, id, validUntil.plusSeconds(1))).as("recorded as sent after validUntil").isZero();
    }

    private long prepare(int first, int count, Map<String, String> extra) {
        Map<String, String> fields = new HashMap<>(Map.of("name", "validity", "template", "Morning offer {{name}}",
                "region", "US"));
        fields.putAll(extra);
        long id = marketer().uploadCsv(Recipients.csv(first, count), fields).createdId();
        operator().awaitState(id, "READY", DONE);
        return id;
    }

    /** Confirmations sent to the number, once every reply to it has an outcome. */
    private long awaitReplies(String phone) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (jdbc.queryForObject("SELECT count(*) FROM sms_inbound WHERE from_phone = ? AND reply_text IS NOT NULL"
                + " AND reply_status IS NULL", Long.class, phone) > 0 && System.currentTimeMillis() < deadline) {
            await(OffsetDateTime.now().plusNanos(50_000_000));
        }
        return jdbc.queryForObject("SELECT count(*) FROM sms_inbound WHERE from_phone = ? AND reply_status = 'SENT'",
                Long.class, phone);
    }

    private static void await(OffsetDateTime time) {
        long wait = Duration.between(OffsetDateTime.now(), time).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
