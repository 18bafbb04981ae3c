package org.smsengine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.smsengine.simulator.SimulatorAccounting;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.support.ApiClient;
import org.smsengine.support.ChildEngine;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * A node killed with {@code kill -9} in the middle of a delivery: this test's engine, another node
 * on the same database, notices its silence, ends the lost job and continues the batch on its own, without
 * losing a recipient; only messages that were in flight may reach their phone twice, and their
 * number is reported. A batch lost too often is paused for an operator instead.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class CrashRecoveryIT extends EngineIntegrationTest {

    private final SimulatorAccounting accounting;
    private final JdbcTemplate jdbc;

    CrashRecoveryIT(SmscSimulator simulator, DataSource dataSource) {
        this.accounting = simulator.accounting();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void aBatchWhoseNodeWasKilledIsContinuedByAnotherNodeWithNothingLost() throws Exception {
        assertThat(ChildEngine.JAR).as("the packaged engine, which ./mvnw verify builds before the integration tests,"
                + " runs the node this test kills").exists();
        int first = 2_000_000;
        int count = 20_000;
        Path log = Files.createDirectories(Path.of("target/crash-recovery")).resolve("child-engine.log");
        long id;
        long queued;
        long acceptedBeforeKill;
        try (ChildEngine child = startChild(log)) {
            ApiClient node = child.api();
            id = delivering(node, "killed mid-run", first, count, 4000);
            // one job at a time on the child: this one waits in its job executor's queue, launched but not started
            queued = node.uploadCsv(Recipients.csv(2_050_000, 50),
                    Map.of("name", "queued when killed", "template", "Hi {{name}}", "region", "US")).createdId();
            child.kill();
            acceptedBeforeKill = acceptedInRange(first, count);
        }
        assertThat(acceptedBeforeKill).isLessThan(count);

        // another node (this test's engine) continues the job on its own: nobody has to resume it
        JsonNode completed = operator().awaitState(id, "COMPLETED", Duration.ofSeconds(90));
        long inDoubt = completed.get("counts").get("inDoubt").asLong();
        // the killed node's execution was ended by recovery, and another one (this engine's) completed the job; the
        // batch is COMPLETED by the job's last step, a moment before Spring Batch records the execution's own end
        awaitJobEnded(id);
        assertThat(jdbc.queryForList("""
                SELECT e.status || ' ' || coalesce(e.exit_message, '') FROM batch_job_execution e
                JOIN batch_job_execution this ON this.job_instance_id = e.job_instance_id
                JOIN sms_batch b ON b.job_execution_id = this.job_execution_id
                WHERE b.id = ? ORDER BY e.job_execution_id DESC LIMIT 2""", String.class, id))
                .satisfiesExactly(last -> assertThat(last).startsWith("COMPLETED"),
                        killed -> assertThat(killed).startsWith("FAILED node lost"));
        JsonNode events = operator().get("/api/v1/batches/" + id + "/events").json();
        assertThat(events).extracting(e -> e.get("event").asText()).doesNotContain("node_lost", "resume")
                .containsSubsequence("start", "taken_over", "delivered");
        JsonNode takenOver = java.util.stream.StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.get("event").asText().equals("taken_over")).findFirst().orElseThrow();
        assertThat(takenOver.get("reason").asText()).startsWith("node lost").contains("were being submitted")
                .contains("continued by node");

        assertThat(completed.get("counts").get("sent").asInt()).isEqualTo(count);
        long twice = sentOnceOrTwice(first, count, inDoubt);
        // outcomes are recorded a slice (the partition's share of the window) at a time: at most two slices per partition
        assertThat(twice).as("numbers sent twice: no more than twice the in-flight window (2 sessions x 32)").isLessThanOrEqualTo(128);

        // a job that was only queued on the killed node had done nothing: another node started it, no operator needed
        operator().awaitState(queued, "READY", Duration.ofSeconds(60));
        JsonNode queuedEvents = operator().get("/api/v1/batches/" + queued + "/events").json();
        assertThat(queuedEvents).extracting(e -> e.get("event").asText()).containsSubsequence("taken_over", "preparation_started");
        assertThat(queuedEvents.get(0).get("reason").asText()).contains("lost before the job started");
    }

    /**
     * A batch lost with its node more times than {@code sms.recovery.continue-lost} (3) is not continued
     * again on its own: it is paused for an operator, with the reason, and resuming it sends what is left.
     * Its three earlier losses are written into its job's history before the kill (three ended executions
     * of its job instance, as recovery leaves them, older than its running one).
     */
    @Test
    void aBatchLostWithItsNodeOnceTooOftenIsPausedForAnOperator() throws Exception {
        int first = 4_340_000;
        int count = 10_000;
        Path log = Files.createDirectories(Path.of("target/crash-recovery")).resolve("child-engine-lost-often.log");
        long id;
        try (ChildEngine child = startChild(log)) {
            id = delivering(child.api(), "lost too often", first, count, 2000);
            Map<String, Object> running = jdbc.queryForMap("""
                    SELECT e.job_execution_id, e.job_instance_id, e.create_time FROM batch_job_execution e
                    JOIN sms_batch b ON b.job_execution_id = e.job_execution_id WHERE b.id = ?""", id);
            for (int earlier = 1; earlier <= 3; earlier++) {
                jdbc.update("""
                        INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time,
                            end_time, status, exit_code, exit_message, last_updated)
                        VALUES (?, 2, ?, ?::timestamp - ? * interval '1 minute', ?::timestamp - ? * interval '1 minute',
                            ?::timestamp - ? * interval '1 minute', 'FAILED', 'FAILED', 'node lost: an-earlier-node', now())""",
                        -(((Number) running.get("job_execution_id")).longValue() * 10 + earlier), running.get("job_instance_id"),
                        running.get("create_time"), 10 * earlier, running.get("create_time"), 10 * earlier,
                        running.get("create_time"), 10 * earlier - 5);
            }
            child.kill();
        }

        JsonNode paused = operator().awaitState(id, "DELIVERY_PAUSED", Duration.ofSeconds(90));
        assertThat(paused.get("counts").get("sent").asInt()).isLessThan(count);
        JsonNode events = operator().get("/api/v1/batches/" + id + "/events").json();
        assertThat(events).extracting(e -> e.get("event").asText()).contains("node_lost").doesNotContain("taken_over");
        JsonNode lost = java.util.stream.StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.get("event").asText().equals("node_lost")).findFirst().orElseThrow();
        assertThat(lost.get("reason").asText()).startsWith("node lost").contains("lost with its node 4 times, not continued again");

        assertThat(operator().postJson("/api/v1/batches/" + id + "/resume", Map.of()).status()).isEqualTo(202);
        JsonNode completed = operator().awaitState(id, "COMPLETED", Duration.ofSeconds(90));
        assertThat(completed.get("counts").get("sent").asInt()).isEqualTo(count);
        long inDoubt = completed.get("counts").get("inDoubt").asLong();
        sentOnceOrTwice(first, count, inDoubt);
    }

    /** The node these tests kill: one job at a time, silent for 3 s means lost. */
    private static ChildEngine startChild(Path log) throws Exception {
        return ChildEngine.start(Map.of(
                "sms.providers.definitions[0].name", "simulator",
                "sms.providers.definitions[0].tps", "2000",
                "sms.providers.definitions[0].window", "32",
                "sms.providers.definitions[0].sessions", "2",
                "sms.providers.definitions[0].smpp.port", Integer.toString(SMSC_PORT),
                "sms.progress.key-prefix", RUN_PREFIX,
                "sms.recovery.heartbeat-interval", "500ms",
                "sms.recovery.node-timeout", "3s",
                "sms.pipeline.concurrent-jobs", "1"), log);
    }

    /** Uploads the numbers to the node, starts the batch and waits until the simulator took {@code accepted} of them. */
    private long delivering(ApiClient node, String name, int first, int count, long accepted) throws InterruptedException {
        long id = node.uploadCsv(Recipients.csv(first, count),
                Map.of("name", name, "template", "Hi {{name}}", "region", "US")).createdId();
        node.awaitState(id, "READY", Duration.ofSeconds(60));
        assertThat(node.postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        awaitAcceptedInRange(first, count, accepted);
        return id;
    }

    /** Every number was submitted once or twice, and no more twice than were in doubt; returns how many twice. */
    private long sentOnceOrTwice(int first, int count, long inDoubt) {
        Map<String, Integer> byDestination = accounting.acceptedByDestination();
        long twice = 0;
        for (int i = first; i < first + count; i++) {
            int submissions = byDestination.getOrDefault(Recipients.phone(i).substring(1), 0);
            assertThat(submissions).as("submit_sm for %s", Recipients.phone(i)).isBetween(1, 2);
            twice += submissions == 2 ? 1 : 0;
        }
        assertThat(twice).as("numbers sent twice, against %d in doubt", inDoubt).isLessThanOrEqualTo(inDoubt);
        return twice;
    }

    private void awaitAcceptedInRange(int first, int count, long atLeast) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (acceptedInRange(first, count) < atLeast && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(acceptedInRange(first, count)).isGreaterThanOrEqualTo(atLeast);
    }

    /** Waits until no execution of the batch's job runs any more (20 s at most). */
    private void awaitJobEnded(long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            Long running = jdbc.queryForObject("""
                    SELECT count(*) FROM batch_job_execution e
                    JOIN batch_job_execution this ON this.job_instance_id = e.job_instance_id
                    JOIN sms_batch b ON b.job_execution_id = this.job_execution_id
                    WHERE b.id = ? AND e.status IN ('STARTING', 'STARTED', 'STOPPING')""", Long.class, id);
            if (running == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The job of batch " + id + " is still running 20 s after the batch completed");
    }

    private long acceptedInRange(int first, int count) {
        long accepted = 0;
        for (int i = first; i < first + count; i++) {
            accepted += accounting.acceptedFor(Recipients.phone(i));
        }
        return accepted;
    }
}
