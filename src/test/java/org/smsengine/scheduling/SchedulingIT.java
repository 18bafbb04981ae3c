package org.smsengine.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.SecondEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/** Send times fired by clustered Quartz, send-time changes, and housekeeping under ShedLock. */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class SchedulingIT extends EngineIntegrationTest {

    private static final Duration PREPARED = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Housekeeping housekeeping;

    SchedulingIT(DataSource dataSource, Housekeeping housekeeping) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.housekeeping = housekeeping;
    }

    @Test
    void aScheduledBatchStartsAtItsSendTimeWithinASecond() {
        OffsetDateTime sendAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        long id = upload(Recipients.csv(2_100_000, 20), Map.of("sendAt", sendAt.toString()));
        operator().awaitState(id, "SCHEDULED", PREPARED);
        awaitTriggers(id, 1);

        JsonNode completed = operator().awaitState(id, "COMPLETED", Duration.ofSeconds(40));
        assertThat(completed.get("counts").get("sent").asInt()).isEqualTo(20);
        JsonNode start = event(id, "start");
        assertThat(start.get("actor").asText()).isEqualTo("scheduler");
        OffsetDateTime startedAt = OffsetDateTime.parse(start.get("createdAt").asText());
        assertThat(Duration.between(sendAt, startedAt)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
        awaitTriggers(id, 0);
    }

    @Test
    void changingOrRemovingTheSendTimeReschedulesOrUnschedulesAndStartingEarlyUnschedules() {
        OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS);
        long id = upload(Recipients.csv(2_110_000, 10), Map.of("sendAt", tomorrow.toString()));
        operator().awaitState(id, "SCHEDULED", PREPARED);
        awaitTriggers(id, 1);
        assertThat(nextFire(id)).isEqualTo(tomorrow.toInstant().toEpochMilli());

        OffsetDateTime later = tomorrow.plusHours(5);
        JsonNode moved = patch(id, "{\"sendAt\": \"" + later + "\"}", 200);
        assertThat(moved.get("state").asText()).isEqualTo("SCHEDULED");
        assertThat(nextFire(id)).isEqualTo(later.toInstant().toEpochMilli());

        JsonNode unscheduled = patch(id, "{\"sendAt\": null}", 200);
        assertThat(unscheduled.get("state").asText()).isEqualTo("READY");
        assertThat(unscheduled.get("sendAt").isNull()).isTrue();
        assertThat(triggers(id)).isZero();

        assertThat(patch(id, "{\"sendAt\": \"" + tomorrow + "\"}", 200).get("state").asText()).isEqualTo("SCHEDULED");
        assertThat(triggers(id)).isEqualTo(1);
        assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        assertThat(triggers(id)).isZero();
        operator().awaitState(id, "COMPLETED", Duration.ofSeconds(40));
        assertThat(patch(id, "{\"sendAt\": \"" + tomorrow + "\"}", 409).get("state").asText()).isEqualTo("COMPLETED");
        assertThat(events(id)).extracting(e -> e.get("event").asText()).containsExactly(
                "preparation_started", "prepared", "send_time_set", "send_time_removed", "send_time_set", "start", "delivered");
    }

    @Test
    void badSendTimesAreRefusedWithTheField() {
        long id = upload(Recipients.csv(2_120_000, 3), Map.of());
        operator().awaitState(id, "READY", PREPARED);
        assertThat(patch(id, "{\"sendAt\": \"yesterday\"}", 400).get("errors").get(0).get("field").asText()).isEqualTo("sendAt");
        assertThat(patch(id, "{\"sendAt\": \"2020-01-01T00:00:00Z\"}", 400).get("detail").asText()).contains("past");
        assertThat(patch(id, "{\"name\": \"x\", \"sendAt\": null}", 400).get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(patch(id, "{}", 400).get("status").asInt()).isEqualTo(400);
        assertThat(operator().get("/api/v1/batches/" + id).json().get("state").asText()).isEqualTo("READY");
    }

    @Test
    void aPatchIsCheckedWholeBeforeAnythingIsApplied() {
        long id = upload(Recipients.csv(2_125_000, 3), Map.of());
        operator().awaitState(id, "READY", PREPARED);
        String window = "{\"from\": \"09:00\", \"to\": \"21:00\", \"timezone\": \"UTC\"}";
        JsonNode pastSendAt = patch(id, "{\"sendWindow\": " + window + ", \"sendAt\": \"2020-01-01T00:00:00Z\"}", 400);
        assertThat(pastSendAt.get("errors").get(0).get("field").asText()).isEqualTo("sendAt");
        JsonNode unchanged = operator().get("/api/v1/batches/" + id).json();
        assertThat(unchanged.get("sendWindow").isNull()).as(unchanged.toString()).isTrue();
        assertThat(unchanged.get("state").asText()).isEqualTo("READY");

        assertThat(patch(id, "{\"sendAt\": \"2030-01-01T00:00:00\\u0000Z\"}", 400).get("errors").get(0).get("field").asText())
                .isEqualTo("sendAt");
        String nulZone = "{\"from\": \"09:00\", \"to\": \"21:00\", \"timezone\": \"UT\\u0000C\"}";
        assertThat(patch(id, "{\"sendWindow\": " + nulZone + "}", 400).get("errors").get(0).get("field").asText())
                .isEqualTo("sendWindow.timezone");

        OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS);
        JsonNode both = patch(id, "{\"sendWindow\": " + window + ", \"sendAt\": \"" + tomorrow + "\"}", 200);
        assertThat(both.get("state").asText()).isEqualTo("SCHEDULED");
        assertThat(both.get("sendWindow").get("from").asText()).startsWith("09:00");
        assertThat(operator().postJson("/api/v1/batches/" + id + "/abort", Map.of()).status()).isEqualTo(202);
        JsonNode finished = patch(id, "{\"sendWindow\": null, \"sendAt\": null}", 409);
        assertThat(finished.get("state").asText()).isEqualTo("ABORTED");
        assertThat(operator().get("/api/v1/batches/" + id).json().get("sendWindow").isNull()).isFalse();
    }

    @Test
    void twoNodesFireASendTimeOnceAndRunEachHousekeepingTaskOnOneOnly() throws Exception {
        try (SecondEngine second = SecondEngine.start(engineProperties(), dataSource)) {
            List<Long> ids = new ArrayList<>();
            OffsetDateTime sendAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                ids.add(upload(Recipients.csv(2_130_000 + i * 10, 10), Map.of("sendAt", sendAt.toString())));
            }
            for (long id : ids) {
                operator().awaitState(id, "COMPLETED", Duration.ofSeconds(60));
                assertThat(events(id).stream().filter(e -> e.get("event").asText().equals("start")).count())
                        .as("starts of batch %d", id).isEqualTo(1);
            }

            Housekeeping other = second.bean(Housekeeping.class);
            Map<String, java.util.function.Consumer<Housekeeping>> tasks = Map.of(
                    Housekeeping.RECONCILE, Housekeeping::reconcileRedis,
                    Housekeeping.OVERDUE, Housekeeping::expireOverdueReceipts,
                    Housekeeping.RETENTION, Housekeeping::purgeExpired,
                    Housekeeping.IDEMPOTENCY, Housekeeping::purgeIdempotencyKeys);
            for (var task : tasks.entrySet()) {
                long before = runs(task.getKey());
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<Void> here = CompletableFuture.runAsync(() -> { await(go); task.getValue().accept(housekeeping); });
                CompletableFuture<Void> there = CompletableFuture.runAsync(() -> { await(go); task.getValue().accept(other); });
                go.countDown();
                CompletableFuture.allOf(here, there).join();
                assertThat(runs(task.getKey()) - before).as("runs of %s", task.getKey()).isEqualTo(1);
            }
        }
        // each lock is held for at least 5 s (lockAtLeastFor): let it go before another test runs a task
        Thread.sleep(5500);
    }

    @Test
    void overdueReceiptsExpireAndFinishedBatchesArePurgedAfterTheirRetention() {
        long id = upload(Recipients.csv(2_140_000, 30), Map.of());
        operator().awaitState(id, "READY", PREPARED);
        operator().postJson("/api/v1/batches/" + id + "/start", Map.of());
        operator().await("/api/v1/batches/" + id, b -> b.get("state").asText().equals("COMPLETED")
                && b.get("counts").get("delivered").asInt() == 30, Duration.ofSeconds(40));
        jdbc.update("""
                UPDATE sms_message SET status = 'SENT', delivered_at = NULL, sent_at = now() - interval '3 days'
                WHERE batch_id = ? AND id IN (SELECT id FROM sms_message WHERE batch_id = ? ORDER BY id LIMIT 5)""", id, id);
        // as the batch would stand had those five never been receipted, three days after it was sent
        jdbc.update("UPDATE sms_batch SET delivered = delivered - 5, created_at = now() - interval '3 days' WHERE id = ?", id);

        housekeeping.expireOverdueReceipts();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_message WHERE batch_id = ? AND status = 'EXPIRED'",
                Long.class, id)).isEqualTo(5);
        JsonNode counts = operator().get("/api/v1/batches/" + id).json().get("counts");
        assertThat(counts.get("delivered").asInt()).isEqualTo(25);
        assertThat(counts.get("failed").asInt()).isEqualTo(5);

        // the counters' fold (every second) writes the row, updated_at included: it must have folded the recount's
        // slots before the row is made 100 days old, or it makes it new again before the purge reads it
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM sms_batch_tally WHERE batch_id = ?", Long.class, id) == 0);
        jdbc.update("UPDATE sms_batch SET updated_at = now() - interval '100 days' WHERE id = ?", id);
        housekeeping.purgeExpired();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_message WHERE batch_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_upload_chunk WHERE batch_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT purged_at IS NOT NULL FROM sms_batch WHERE id = ?", Boolean.class, id)).isTrue();
        JsonNode batch = operator().get("/api/v1/batches/" + id).json();
        assertThat(batch.get("counts").get("sent").asInt()).isEqualTo(30);
        assertThat(events(id)).isNotEmpty();
    }

    private long upload(byte[] csv, Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(Map.of("name", "scheduling test", "template", "Hi {{name}}", "region", "US"));
        all.putAll(fields);
        return marketer().uploadCsv(csv, all).createdId();
    }

    private JsonNode patch(long id, String body, int expectedStatus) {
        ApiClient.Response response = marketer().patchJson("/api/v1/batches/" + id, body);
        assertThat(response.status()).as(response.text()).isEqualTo(expectedStatus);
        return response.json();
    }

    private long triggers(long id) {
        return jdbc.queryForObject("SELECT count(*) FROM qrtz_triggers WHERE trigger_group = ? AND trigger_name = ?",
                Long.class, SendTimeSchedule.GROUP, "batch-" + id);
    }

    /** The trigger follows the state change it reacts to by a moment. */
    private void awaitTriggers(long id, long expected) {
        long deadline = System.currentTimeMillis() + 5000;
        while (triggers(id) != expected && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(triggers(id)).isEqualTo(expected);
    }

    private long nextFire(long id) {
        return jdbc.queryForObject("SELECT next_fire_time FROM qrtz_triggers WHERE trigger_group = ? AND trigger_name = ?",
                Long.class, SendTimeSchedule.GROUP, "batch-" + id);
    }

    private long runs(String task) {
        return jdbc.queryForObject("SELECT count(*) FROM sms_housekeeping_run WHERE task = ?", Long.class, task);
    }

    private List<JsonNode> events(long id) {
        List<JsonNode> events = new ArrayList<>();
        operator().get("/api/v1/batches/" + id + "/events").json().forEach(events::add);
        return events;
    }

    private JsonNode event(long id, String name) {
        return events(id).stream().filter(e -> e.get("event").asText().equals(name)).findFirst().orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
