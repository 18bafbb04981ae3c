package org.smsengine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.simulator.SimulatorAccounting;
import org.smsengine.simulator.SimulatorSettings;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.support.ApiClient;
import org.smsengine.support.ChildEngine;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.TestServices;
import org.smsengine.system.NodeIdentity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * A node told to stop ({@code SIGTERM}, as a deploy or a scale-down does) in the middle of a
 * delivery: it stops its job the way a pause does and exits within its shutdown timeout; this
 * test's engine, another node on the same database, continues the batch at once, without an
 * operator; the batch is never FAILED, and its audit says why it moved.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class GracefulShutdownIT extends EngineIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdownIT.class);
    private static final int COUNT = 20_000;

    private final SimulatorAccounting accounting;
    private final JdbcTemplate jdbc;
    private final NodeIdentity thisNode;

    GracefulShutdownIT(SmscSimulator simulator, DataSource dataSource, NodeIdentity thisNode) {
        this.accounting = simulator.accounting();
        this.jdbc = new JdbcTemplate(dataSource);
        this.thisNode = thisNode;
    }

    @Test
    void aNodeToldToStopHandsItsDeliveryOverAndAnotherNodeFinishesItWithNothingInDoubt() throws Exception {
        assertThat(ChildEngine.JAR).as("the packaged engine, which ./mvnw verify builds before the integration tests").exists();
        int first = 4_000_000;
        long id;
        long queued;
        long acceptedAtStop;
        Duration exit;
        // one job at a time on the child: a batch uploaded while it delivers waits in the job executor's queue
        try (ChildEngine child = ChildEngine.start(childProperties(SMSC_PORT, Map.of("sms.pipeline.concurrent-jobs", "1")),
                log("stopped"))) {
            id = startDelivery(child.api(), first, "stopped mid-run");
            awaitAcceptedInRange(first, 2000);
            queued = child.api().uploadCsv(Recipients.csv(4_050_000, 50),
                    Map.of("name", "queued at the stop", "template", "Hi {{name}}", "region", "US")).createdId();
            assertThat(child.api().get("/api/v1/batches/" + queued).json().get("state").asText()).isEqualTo("CREATED");

            acceptedAtStop = acceptedInRange(first);
            exit = child.terminate(Duration.ofSeconds(30));
            log.info("The child engine exited {} ms after SIGTERM", exit.toMillis());
            assertThat(child.isAlive()).as("the child engine exited").isFalse();
        }
        assertThat(exit).as("exit after SIGTERM, within sms.shutdown.timeout (10s)").isLessThan(Duration.ofSeconds(10));
        // measured at the stop: once it is handed over, this node may well finish it before the child has exited
        assertThat(acceptedAtStop).as("accepted when the child was told to stop").isLessThan(COUNT);

        JsonNode completed = operator().awaitState(id, "COMPLETED", Duration.ofSeconds(90));

        assertThat(completed.get("counts").get("sent").asInt()).isEqualTo(COUNT);
        assertThat(completed.get("counts").get("inDoubt").asInt()).as("messages in doubt after a graceful stop").isZero();
        assertSentExactlyOnce(first);
        JsonNode moved = assertMovedWithoutFailing(id);
        assertThat(moved.get("reason").asText()).contains("stopped at a chunk boundary");
        assertThat(jdbc.queryForObject("SELECT job_node FROM sms_batch WHERE id = ?", String.class, id))
                .as("the node that finished the batch").isEqualTo(thisNode.id());

        // the job that never started on the child was not lost with it: it started here
        operator().awaitState(queued, "READY", Duration.ofSeconds(60));
        assertThat(operator().get("/api/v1/batches/" + queued + "/events").json()).extracting(e -> e.get("event").asText())
                .containsSubsequence("node_stopping", "taken_over", "preparation_started", "prepared");
    }

    @Test
    void aNodeWhoseProviderDoesNotAnswerEndsItsJobAtItsDeadlineAndAnotherNodeFinishesIt() throws Exception {
        assertThat(ChildEngine.JAR).as("the packaged engine, which ./mvnw verify builds before the integration tests").exists();
        int first = 4_100_000;
        long id;
        Duration exit;
        // an SMSC that takes submissions and answers none of them in the test's time
        try (SmscSimulator silent = new SmscSimulator(silentSettings(TestServices.freePort())).start();
                ChildEngine child = ChildEngine.start(childProperties(silent.port(), Map.of(
                        "sms.providers.definitions[0].smpp.response-timeout", "60s",
                        "sms.shutdown.timeout", "5s")), log("cut-short"))) {
            id = startDelivery(child.api(), first, "provider silent at the stop");
            awaitInFlight(silent);

            exit = child.terminate(Duration.ofSeconds(30));
            log.info("The child engine, its provider silent, exited {} ms after SIGTERM", exit.toMillis());
            assertThat(child.isAlive()).as("the child engine exited").isFalse();
        }
        assertThat(exit).as("exit after SIGTERM, within sms.shutdown.timeout (5s)").isLessThan(Duration.ofSeconds(5));

        JsonNode completed = operator().awaitState(id, "COMPLETED", Duration.ofSeconds(90));

        assertThat(completed.get("counts").get("sent").asInt()).isEqualTo(COUNT);
        assertThat(completed.get("counts").get("inDoubt").asInt()).as("messages the silent provider never answered")
                .isPositive();
        assertSentExactlyOnce(first);    // the silent SMSC accepted none: the in-doubt ones were sent once, here
        JsonNode moved = assertMovedWithoutFailing(id);
        assertThat(moved.get("reason").asText()).contains("did not stop within the shutdown timeout", "sent again");
    }

    private long startDelivery(ApiClient node, int first, String name) {
        long id = node.uploadCsv(Recipients.csv(first, COUNT),
                Map.of("name", name, "template", "Hi {{name}}", "region", "US")).createdId();
        node.awaitState(id, "READY", Duration.ofSeconds(60));
        assertThat(node.postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        return id;
    }

    /**
     * The audit tells why the batch moved, and that it never failed: the stopping node's
     * {@code node_stopping} and this node's {@code taken_over}, both naming the state the batch kept.
     * Returns the takeover.
     */
    private JsonNode assertMovedWithoutFailing(long id) {
        List<JsonNode> events = StreamSupport.stream(operator().get("/api/v1/batches/" + id + "/events").json().spliterator(), false)
                .toList();
        assertThat(events).extracting(e -> e.get("toState").asText()).as("states the batch went through")
                .doesNotContain("FAILED", "DELIVERY_PAUSED");
        assertThat(events).extracting(e -> e.get("event").asText())
                .containsSubsequence("start", "node_stopping", "taken_over", "delivered")
                .doesNotContain("node_lost", "step_failed");
        JsonNode stopping = events.stream().filter(e -> e.get("event").asText().equals("node_stopping")).findFirst().orElseThrow();
        assertThat(stopping.get("fromState").asText()).isEqualTo("DELIVERING");
        assertThat(stopping.get("toState").asText()).isEqualTo("DELIVERING");
        assertThat(stopping.get("reason").asText()).contains("is stopping").doesNotContain(thisNode.id());
        JsonNode takeover = events.stream().filter(e -> e.get("event").asText().equals("taken_over")).findFirst().orElseThrow();
        assertThat(takeover.get("toState").asText()).isEqualTo("DELIVERING");
        assertThat(takeover.get("reason").asText()).endsWith("continued by node " + thisNode.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_message WHERE batch_id = ? AND status = 'SENDING'",
                Long.class, id)).as("messages left SENDING").isZero();
        return takeover;
    }

    private void assertSentExactlyOnce(int first) {
        Map<String, Integer> byDestination = accounting.acceptedByDestination();
        for (int i = first; i < first + COUNT; i++) {
            assertThat(byDestination.getOrDefault(Recipients.phone(i).substring(1), 0))
                    .as("submit_sm for %s", Recipients.phone(i)).isEqualTo(1);
        }
    }

    private static Map<String, String> childProperties(int smscPort, Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "sms.providers.definitions[0].name", "simulator",
                "sms.providers.definitions[0].tps", "400",
                "sms.providers.definitions[0].window", "32",
                "sms.providers.definitions[0].sessions", "2",
                "sms.providers.definitions[0].smpp.port", Integer.toString(smscPort),
                "sms.progress.key-prefix", RUN_PREFIX,
                "sms.recovery.heartbeat-interval", "500ms",
                "sms.recovery.node-timeout", "3s"));
        properties.putAll(more);
        return properties;
    }

    private static SimulatorSettings silentSettings(int port) {
        return new SimulatorSettings(true, port, "engine", "secret", Duration.ofMinutes(2), 0, 0, 0,
                Duration.ofMillis(50), 0, 0, 0, true, 0, 4, 4, null, 0, null, null, 4,
                SimulatorSettings.ReceiptStyle.TEXT, SimulatorSettings.ReceiptPdu.DELIVER_SM, SimulatorSettings.IdFormat.HEX,
                InetAddress.getLoopbackAddress());
    }

    private static Path log(String name) throws Exception {
        return Files.createDirectories(Path.of("target/graceful-shutdown")).resolve("child-engine-" + name + ".log");
    }

    /** Submissions the child made that the silent SMSC holds: the child's job cannot stop until they are answered. */
    private static void awaitInFlight(SmscSimulator silent) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (silent.inFlight() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(silent.inFlight()).as("submissions the silent SMSC holds").isPositive();
    }

    private void awaitAcceptedInRange(int first, long atLeast) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (acceptedInRange(first) < atLeast && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(acceptedInRange(first)).isGreaterThanOrEqualTo(atLeast);
    }

    private long acceptedInRange(int first) {
        long accepted = 0;
        for (int i = first; i < first + COUNT; i++) {
            accepted += accounting.acceptedFor(Recipients.phone(i));
        }
        return accepted;
    }
}
