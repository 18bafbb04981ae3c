package org.smsengine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.smsengine.simulator.SimulatorAccounting;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/** Operators' actions on batches: pause, resume, retry and abort, their audit, and their races. */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class LifecycleIT extends EngineIntegrationTest {

    private static final Duration PREPARED = Duration.ofSeconds(60);
    private static final Duration DELIVERED = Duration.ofSeconds(120);
    private static final Duration SETTLED = Duration.ofSeconds(20);

    private final SmscSimulator simulator;
    private final SimulatorAccounting accounting;
    private final JdbcTemplate jdbc;

    LifecycleIT(SmscSimulator simulator, DataSource dataSource) {
        this.simulator = simulator;
        this.accounting = simulator.accounting();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void twentyPausesAndResumesDuringDeliverySendEveryRecipientExactlyOnce() throws Exception {
        int first = 1_000_000;
        int count = 50_000;
        long id = prepare(Recipients.csv(first, count), Map.of("tps", "3000"));
        act(id, "start", 202);
        for (int cycle = 0; cycle < 20; cycle++) {
            Thread.sleep(150);
            JsonNode paused = act(id, "pause", 202, "cycle " + cycle);
            if (paused == null) {
                break;      // delivered before all cycles were done: nothing left to pause
            }
            assertThat(paused.get("state").asText()).isEqualTo("DELIVERY_PAUSED");
            assertThat(paused.get("allowedActions")).extracting(JsonNode::asText).containsExactlyInAnyOrder("resume", "abort");
            // prompt: once the submits in flight are answered, nothing more is submitted while paused
            Thread.sleep(100);
            long afterPause = accounting.accepted();
            Thread.sleep(250);
            assertThat(accounting.accepted()).as("submissions while paused (cycle %d)", cycle).isEqualTo(afterPause);
            act(id, "resume", 202);
        }
        JsonNode batch = operator().awaitState(id, "COMPLETED", DELIVERED);

        assertThat(batch.get("counts").get("sent").asInt()).isEqualTo(count);
        assertThat(batch.get("counts").get("failed").asInt()).isZero();
        Map<String, Integer> byDestination = accounting.acceptedByDestination();
        for (int i = first; i < first + count; i++) {
            assertThat(byDestination.get(Recipients.phone(i).substring(1))).as("submit_sm for %s", Recipients.phone(i)).isEqualTo(1);
        }
        List<JsonNode> events = events(id);
        long pauses = events.stream().filter(e -> e.get("event").asText().equals("pause")).count();
        long resumes = events.stream().filter(e -> e.get("event").asText().equals("resume")).count();
        assertThat(pauses).isGreaterThanOrEqualTo(5).isEqualTo(resumes);
        assertThat(events.get(events.size() - 1).get("toState").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void pauseAndResumeDuringPreparationKeepEveryRow() {
        int count = 150_000;
        long id = upload(Recipients.csv(1_100_000, count), Map.of());
        operator().awaitState(id, "PREPARING", PREPARED, 5);
        JsonNode paused = act(id, "pause", 202, "checking the template");
        assertThat(paused.get("state").asText()).isEqualTo("PREPARATION_PAUSED");
        assertThat(paused.get("stateReason").asText()).isEqualTo("checking the template");
        awaitJobEnded(id);
        JsonNode whilePaused = operator().get("/api/v1/batches/" + id).json();
        assertThat(whilePaused.get("state").asText()).isEqualTo("PREPARATION_PAUSED");
        act(id, "start", 409);

        act(id, "resume", 202);
        JsonNode ready = operator().awaitState(id, "READY", PREPARED);
        JsonNode counts = ready.get("counts");
        assertThat(counts.get("rows").asInt()).isEqualTo(count);
        assertThat(counts.get("valid").asInt()).isEqualTo(count);
        assertThat(counts.get("prepared").asInt()).isEqualTo(count);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_message WHERE batch_id = ?", Long.class, id)).isEqualTo(count);
        assertThat(events(id)).extracting(e -> e.get("event").asText())
                .containsExactly("preparation_started", "pause", "resume", "prepared");
    }

    /**
     * A pause once the preparation partitions write messages (not in validation, as above): they stop at a chunk
     * boundary, the stop signal making the reader hand Spring Batch an empty page rather than the end of its
     * rows, and the resumed job prepares every row once. Never delivered, so its numbers overlap no one's sends.
     */
    @Test
    void aPauseDuringThePreparationPartitionsStopsThemAndTheResumeLosesNoRowAndDoublesNone() {
        int count = 180_000;       // as many as the tests' upload limit (8 MB) takes: 36 chunks over 4 partitions
        long id = upload(Recipients.csv(2_500_000, count), Map.of());
        long deadline = System.currentTimeMillis() + PREPARED.toMillis();
        while (jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM sms_message WHERE batch_id = ?)", Boolean.class, id)
                .equals(Boolean.FALSE)) {
            assertThat(System.currentTimeMillis()).as("preparation writing messages").isLessThan(deadline);
            sleep(5);
        }
        JsonNode paused = act(id, "pause", 202);
        assertThat(paused.get("state").asText()).isEqualTo("PREPARATION_PAUSED");
        awaitJobEnded(id);
        Map<String, Object> partitions = jdbc.queryForMap("""
                SELECT count(*) FILTER (WHERE s.status = 'STOPPED') AS stopped, count(*) AS all_partitions
                FROM batch_step_execution s JOIN sms_batch b ON b.job_execution_id = s.job_execution_id
                WHERE b.id = ? AND s.step_name LIKE 'preparation-worker:%'""", id);
        long written = jdbc.queryForObject("SELECT count(*) FROM sms_message WHERE batch_id = ?", Long.class, id);
        // 4 partitions; one may have finished its rows before the pause reached it
        assertThat(((Number) partitions.get("stopped")).intValue()).as("partitions stopped: %s", partitions).isPositive();
        assertThat(written).as("messages prepared before the pause").isPositive().isLessThan(count);

        act(id, "resume", 202);
        JsonNode ready = operator().awaitState(id, "READY", PREPARED);
        assertThat(ready.get("counts").get("prepared").asInt()).isEqualTo(count);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_message WHERE batch_id = ?", Long.class, id)).isEqualTo(count);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT row_no) FROM sms_message WHERE batch_id = ?", Long.class, id))
                .isEqualTo(count);
        act(id, "abort", 202);
    }

    @Test
    void abortWorksFromEveryStateThatIsNotFinal() throws Exception {
        // CREATED or PREPARING, whichever the abort meets
        long early = upload(Recipients.csv(1_300_000, 100_000), Map.of());
        act(early, "abort", 202);
        assertAborted(early);

        long preparing = upload(Recipients.csv(1_400_000, 100_000), Map.of());
        operator().awaitState(preparing, "PREPARING", PREPARED, 5);
        act(preparing, "abort", 202);
        assertAborted(preparing);

        long preparationPaused = upload(Recipients.csv(1_500_000, 100_000), Map.of());
        operator().awaitState(preparationPaused, "PREPARING", PREPARED, 5);
        act(preparationPaused, "pause", 202);
        act(preparationPaused, "abort", 202);
        assertAborted(preparationPaused);

        long ready = prepare(Recipients.csv(1_600_000, 50), Map.of());
        act(ready, "abort", 202, "wrong list");
        assertAborted(ready);
        assertThat(operator().get("/api/v1/batches/" + ready).json().get("counts").get("cancelled").asInt()).isEqualTo(50);

        long scheduled = upload(Recipients.csv(1_610_000, 50), Map.of("sendAt", OffsetDateTime.now().plusDays(1).toString()));
        operator().awaitState(scheduled, "SCHEDULED", PREPARED);
        act(scheduled, "abort", 202);
        assertAborted(scheduled);

        long delivering = prepare(Recipients.csv(1_620_000, 3000), Map.of("tps", "300"));
        act(delivering, "start", 202);
        awaitSent(delivering, 100);
        act(delivering, "abort", 202);
        assertAborted(delivering);

        long deliveryPaused = prepare(Recipients.csv(1_630_000, 3000), Map.of("tps", "300"));
        act(deliveryPaused, "start", 202);
        awaitSent(deliveryPaused, 100);
        act(deliveryPaused, "pause", 202);
        act(deliveryPaused, "abort", 202);
        assertAborted(deliveryPaused);
        act(deliveryPaused, "resume", 409);
    }

    @Test
    void retryOfAFailedBatchRestartsItFromTheStepThatFailed() {
        int first = 1_700_000;
        int count = 500;
        long id = prepare(Recipients.csv(first, count), Map.of());
        // a send window no node can read fails the delivery step
        jdbc.update("UPDATE sms_batch SET send_window = '{\"from\": \"soon\"}' WHERE id = ?", id);
        act(id, "start", 202);
        JsonNode failed = operator().awaitState(id, "FAILED", DELIVERED);
        assertThat(failed.get("error").asText()).isNotBlank();
        assertThat(failed.get("allowedActions")).extracting(JsonNode::asText).containsExactly("retry");

        jdbc.update("UPDATE sms_batch SET send_window = NULL WHERE id = ?", id);
        JsonNode retried = act(id, "retry", 202, "send window fixed");
        assertThat(retried.get("state").asText()).isEqualTo("DELIVERING");
        JsonNode completed = operator().awaitState(id, "COMPLETED", DELIVERED);
        assertThat(completed.get("counts").get("sent").asInt()).isEqualTo(count);
        assertThat(completed.get("counts").get("prepared").asInt()).isEqualTo(count);
        for (int i = first; i < first + count; i++) {
            assertThat(accounting.acceptedFor(Recipients.phone(i))).isEqualTo(1);
        }
        // validation and preparation were not run again: one execution of each
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM batch_step_execution s
                JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
                JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'batchId'
                WHERE p.parameter_value = ? AND s.step_name = 'validation'""", Long.class, Long.toString(id))).isEqualTo(1);
    }

    @Test
    void retryOfACompletedBatchResendsOnlyItsRetryableFailures() {
        String exhausted = Recipients.phone(1_800_000);
        String rejected = Recipients.phone(1_800_001);
        for (int i = 0; i < 5; i++) {
            simulator.script(exhausted, SmscSimulator.Scripted.THROTTLE);
        }
        simulator.script(rejected, SmscSimulator.Scripted.REJECT);
        long id = prepare(Recipients.csv(1_800_000, 20), Map.of());
        act(id, "start", 202);
        JsonNode completed = operator().awaitState(id, "COMPLETED", DELIVERED);
        assertThat(completed.get("counts").get("failed").asInt()).isEqualTo(2);
        assertThat(completed.get("allowedActions")).extracting(JsonNode::asText).containsExactly("retry");

        act(id, "retry", 202, "carrier back");
        JsonNode again = operator().await("/api/v1/batches/" + id,
                b -> b.get("state").asText().equals("COMPLETED") && b.get("counts").get("sent").asInt() == 19, DELIVERED);
        assertThat(again.get("counts").get("failed").asInt()).isEqualTo(1);
        assertThat(again.get("allowedActions")).isEmpty();
        assertThat(accounting.acceptedFor(exhausted)).isEqualTo(1);
        assertThat(accounting.acceptedFor(rejected)).isZero();
        for (int i = 1_800_002; i < 1_800_020; i++) {
            assertThat(accounting.acceptedFor(Recipients.phone(i))).isEqualTo(1);
        }
        act(id, "retry", 409);
    }

    @Test
    void tenConflictingActionsAtOnceHaveExactlyOneWinner() throws Exception {
        long id = prepare(Recipients.csv(1_900_000, 3000), Map.of("tps", "200"));
        act(id, "start", 202);
        int eventsBefore = events(id).size();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ApiClient.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // the same action ten times: whatever order the requests land in, only the first can apply (a mix
            // of pause and abort would not conflict in every order: an abort that lands after a pause is valid)
            String action = "pause";
            answers.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return operator().postJson("/api/v1/batches/" + id + "/" + action, Map.of("reason", "race"));
            }));
        }
        go.countDown();
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(ApiClient.Response::status).toList();

        assertThat(statuses.stream().filter(s -> s == 202).count()).as(statuses.toString()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(9);
        ApiClient.Response refused = answers.stream().map(CompletableFuture::join).filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().get("state").asText()).isEqualTo("DELIVERY_PAUSED");
        assertThat(refused.json().has("allowedActions")).isTrue();
        List<JsonNode> events = events(id);
        assertThat(events).hasSize(eventsBefore + 1);
        assertThat(events.get(events.size() - 1).get("actor").asText()).isEqualTo("operator");
        assertThat(events.get(events.size() - 1).get("reason").asText()).isEqualTo("race");
        if (operator().get("/api/v1/batches/" + id).json().get("state").asText().equals("DELIVERY_PAUSED")) {
            act(id, "abort", 202);
        }
        assertAborted(id);
    }

    @Test
    void theProgressStreamEndsWhenABatchIsAborted() throws Exception {
        long id = prepare(Recipients.csv(1_950_000, 2000), Map.of("tps", "100"));
        act(id, "start", 202);
        CompletableFuture<List<String>> stream = CompletableFuture.supplyAsync(
                () -> operator().stream("/api/v1/batches/" + id + "/progress/stream", Duration.ofSeconds(60)));
        Thread.sleep(1500);
        act(id, "abort", 202);
        List<String> lines = stream.get();
        JsonNode last = ApiClient.json(lines.stream().filter(l -> l.startsWith("data:")).reduce((a, b) -> b).orElseThrow().substring(5));
        assertThat(last.get("state").asText()).isEqualTo("ABORTED");
    }

    @Test
    void unknownActionsAndBatchesAreNotFoundAndMarketersMayNotAct() {
        long id = prepare(Recipients.csv(1_960_000, 5), Map.of());
        assertThat(operator().postJson("/api/v1/batches/" + id + "/explode", Map.of()).status()).isEqualTo(404);
        assertThat(operator().postJson("/api/v1/batches/999999999/pause", Map.of()).status()).isEqualTo(404);
        assertThat(marketer().postJson("/api/v1/batches/" + id + "/abort", Map.of()).status()).isEqualTo(403);
        assertThat(operator().get("/api/v1/batches/999999999/events").status()).isEqualTo(404);
        JsonNode refused = operator().postJson("/api/v1/batches/" + id + "/resume", Map.of()).json();
        assertThat(refused.get("status").asInt()).isEqualTo(409);
        assertThat(refused.get("state").asText()).isEqualTo("READY");
        assertThat(refused.get("allowedActions")).extracting(JsonNode::asText).containsExactly("start", "abort");
    }

    /** ABORTED, its job ended, and nothing left that could still be sent. */
    private void assertAborted(long id) {
        JsonNode batch = operator().awaitState(id, "ABORTED", SETTLED);
        assertThat(batch.get("allowedActions")).isEmpty();
        awaitJobEnded(id);
        operator().await("/api/v1/batches/" + id, b -> unsent(id) == 0, SETTLED);
        JsonNode counts = operator().get("/api/v1/batches/" + id).json().get("counts");
        long messages = jdbc.queryForObject("SELECT count(*) FROM sms_message WHERE batch_id = ?", Long.class, id);
        assertThat(counts.get("sent").asLong() + counts.get("failed").asLong() + counts.get("cancelled").asLong())
                .as("sent + failed + cancelled of batch %d", id).isEqualTo(messages);
        assertThat(operator().get("/api/v1/batches/" + id).json().get("state").asText()).isEqualTo("ABORTED");
    }

    private long unsent(long id) {
        return jdbc.queryForObject("SELECT count(*) FROM sms_message WHERE batch_id = ? AND status IN ('PREPARED', 'RETRYING', 'SENDING')",
                Long.class, id);
    }

    private void awaitJobEnded(long id) {
        long deadline = System.currentTimeMillis() + SETTLED.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Long running = jdbc.queryForObject("""
                    SELECT count(*) FROM batch_job_execution e JOIN sms_batch b ON b.job_execution_id = e.job_execution_id
                    WHERE b.id = ? AND e.status IN ('STARTING', 'STARTED', 'STOPPING')""", Long.class, id);
            if (running == 0) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("The job of batch " + id + " is still running");
    }

    private void awaitSent(long id, int atLeast) {
        operator().await("/api/v1/batches/" + id, b -> jdbc.queryForObject(
                "SELECT count(*) FROM sms_message WHERE batch_id = ? AND status <> 'PREPARED'", Long.class, id) >= atLeast,
                SETTLED);
    }

    private List<JsonNode> events(long id) {
        List<JsonNode> events = new ArrayList<>();
        operator().get("/api/v1/batches/" + id + "/events").json().forEach(events::add);
        return events;
    }

    private JsonNode act(long id, String action, int expectedStatus) {
        return act(id, action, expectedStatus, null);
    }

    /** The batch after the action, or null when a pause found the batch already COMPLETED. */
    private JsonNode act(long id, String action, int expectedStatus, String reason) {
        ApiClient.Response response = operator().postJson("/api/v1/batches/" + id + "/" + action,
                reason == null ? Map.of() : Map.of("reason", reason));
        if (action.equals("pause") && response.status() == 409 && response.json().get("state").asText().equals("COMPLETED")) {
            return null;
        }
        assertThat(response.status()).as("%s of batch %d: %s", action, id, response.text()).isEqualTo(expectedStatus);
        return response.json();
    }

    private long upload(byte[] csv, Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(Map.of("name", "lifecycle test", "template", "Hi {{name}}", "region", "US"));
        all.putAll(fields);
        return marketer().uploadCsv(csv, all).createdId();
    }

    private long prepare(byte[] csv, Map<String, String> fields) {
        long id = upload(csv, fields);
        marketer().awaitState(id, fields.containsKey("sendAt") ? "SCHEDULED" : "READY", PREPARED);
        return id;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
