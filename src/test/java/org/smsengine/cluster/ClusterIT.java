package org.smsengine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.smsengine.simulator.SimulatorAccounting;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.support.ApiClient;
import org.smsengine.support.ChildEngine;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.TestServices;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * Three engine nodes (the packaged jar, in JVMs of their own) sharing the tests' database, Redis and
 * an AMQP broker ({@code SMS_TEST_AMQP_URL}, or Qpid in this JVM): one batch's delivery partitions
 * spread over all three; one of them killed with {@code kill -9} mid-delivery; its partitions
 * continue on the others and the batch completes without a recipient lost. Then a pause through a
 * node that runs none of the job, two batches at once, a request the broker delivers again, a worker
 * stopped with SIGTERM (its partitions handed back), and the job's own node killed (recovery ends
 * its job once the partitions it had sent elsewhere stopped, and another node continues it unasked), and the broker
 * restarted in the middle of a delivery. This test's own engine is one more
 * node, without a broker: it runs none of these batches' partitions (it may run recovery).
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT extends EngineIntegrationTest {

    private static final Duration DONE = Duration.ofSeconds(120);
    private static final int PARTITIONS = 6;

    private final SimulatorAccounting accounting;
    private final JdbcTemplate jdbc;
    private final List<ChildEngine> nodes = new ArrayList<>();
    private Path jobs;

    ClusterIT(SmscSimulator simulator, DataSource dataSource) {
        this.accounting = simulator.accounting();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @BeforeAll
    void startThreeNodes() throws Exception {
        assertThat(ChildEngine.JAR).as("the packaged engine, built by ./mvnw verify before the integration tests").exists();
        Path dir = Files.createDirectories(Path.of("target/cluster"));
        // the test job definition with six partitions, so three nodes share them
        String definition = new String(getClass().getResourceAsStream("/test-jobs/sms-batch.yml").readAllBytes(),
                StandardCharsets.UTF_8).replace("gridSize: 4", "gridSize: " + PARTITIONS);
        jobs = Files.writeString(dir.resolve("sms-batch.yml"), definition);
        List<CompletableFuture<ChildEngine>> starting = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            starting.add(CompletableFuture.supplyAsync(() -> startNode(name)));
        }
        // every node that started is kept (and closed after), even when another did not: none is left running
        RuntimeException failed = null;
        for (CompletableFuture<ChildEngine> node : starting) {
            try {
                nodes.add(node.join());
            } catch (RuntimeException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private ChildEngine startNode(String name) {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.rabbitmq.addresses", TestServices.amqpUrl());
        properties.put("sms.cluster.queue-prefix", "sms.partitions." + RUN_PREFIX.replace(":", ""));
        properties.put("sms.cluster.signals-channel", RUN_PREFIX + "signals");
        properties.put("sms.pipeline.job-definition", jobs.toUri().toString());
        properties.put("sms.shutdown.timeout", "15s");
        properties.put("sms.providers.definitions[0].name", "simulator");
        properties.put("sms.providers.definitions[0].tps", "3000");
        properties.put("sms.providers.definitions[0].window", "16");
        properties.put("sms.providers.definitions[0].sessions", "1");
        properties.put("sms.providers.definitions[0].smpp.port", Integer.toString(SMSC_PORT));
        properties.put("sms.progress.key-prefix", RUN_PREFIX);
        properties.put("sms.recovery.heartbeat-interval", "500ms");
        properties.put("sms.recovery.node-timeout", "3s");
        properties.put("sms.recovery.check-interval", "1s");
        properties.put("sms.delivery.partition-threads", "4");
        // four nodes and this test's engine on one PostgreSQL (max_connections 100 on a stock server)
        properties.put("spring.datasource.hikari.maximum-pool-size", "12");
        Path log = Path.of("target/cluster").resolve("node-" + name + ".log");
        try {
            return ChildEngine.start(properties, log);
        } catch (Exception e) {
            throw new IllegalStateException("node " + name + " did not start; see " + log, e);
        }
    }

    @AfterAll
    void stopNodes() throws InterruptedException {
        for (ChildEngine node : nodes) {
            node.close();
        }
    }

    private ApiClient node(int i) {
        return nodes.get(i).api();
    }

    @Test
    @Order(1)
    void threeNodesDeliverOneBatchAndAKilledNodesPartitionsContinueOnTheOthers() throws Exception {
        int first = 3_900_000;
        int count = 24_000;
        long id = prepare(node(0), first, count);
        assertThat(node(0).postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);

        // all three run some of its partitions, and say so
        JsonNode cluster = node(1).await("/api/v1/cluster/nodes", all -> brokerNodes(all).size() == 3
                && brokerNodes(all).stream().allMatch(n -> n.get("partitionsRunning").asInt() >= 1), DONE, 100);
        assertThat(brokerNodes(cluster)).allSatisfy(n -> assertThat(n.get("alive").asBoolean()).isTrue());
        // (a partition may have ended, or wait in the queue, as the nodes are read)
        assertThat(brokerNodes(cluster).stream().mapToInt(n -> n.get("partitionsRunning").asInt()).sum())
                .isLessThanOrEqualTo(PARTITIONS);

        awaitAccepted(first, count, 6_000);
        nodes.get(1).kill();
        long acceptedAtKill = accepted(first, count);
        assertThat(acceptedAtKill).isLessThan(count);

        JsonNode done = node(0).awaitState(id, "COMPLETED", DONE);
        assertThat(done.get("counts").get("sent").asInt()).isEqualTo(count);
        long inDoubt = done.get("counts").get("inDoubt").asLong();
        assertSentOnceOrInDoubt(first, count, inDoubt);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_partition_claim WHERE batch_id = ?", Long.class, id))
                .isZero();
        // the killed node's partitions ended on the others: every partition of the delivery completed
        assertThat(jdbc.queryForList("""
                SELECT s.status FROM batch_step_execution s JOIN sms_batch b ON b.job_execution_id = s.job_execution_id
                WHERE b.id = ? AND s.step_name LIKE 'delivery-worker:%'""", String.class, id))
                .hasSize(PARTITIONS).containsOnly("COMPLETED");
    }

    @Test
    @Order(2)
    void aPauseOnAnyNodeStopsThePartitionsOnEveryNodeAtOnce() throws Exception {
        int first = 3_930_000;
        int count = 10_000;
        long id = prepare(node(2), first, count);
        assertThat(node(2).postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        awaitAccepted(first, count, 2_000);

        // paused through the other node: the manager's partitions and the other node's stop alike
        assertThat(node(0).postJson("/api/v1/batches/" + id + "/pause", Map.of("reason", "checking")).status()).isEqualTo(202);
        long pausedAt = System.currentTimeMillis();
        node(0).awaitState(id, "DELIVERY_PAUSED", DONE);
        // the batch is DELIVERY_PAUSED as soon as the pause is taken; the signal then reaches the other nodes (aim:
        // 250 ms, p99), and the submits each had in flight are answered: read what was accepted half a second on
        Thread.sleep(500);
        long afterHalfASecond = accepted(first, count);
        Thread.sleep(500);
        assertThat(accepted(first, count)).as("nothing submitted once the pause reached every node").isEqualTo(afterHalfASecond);
        assertThat(accounting.lastAcceptedAfter(pausedAt) - pausedAt).as("the last submit after the pause (ms)")
                .isLessThan(1_000);
        assertThat(afterHalfASecond).isLessThan(count);

        assertThat(node(0).postJson("/api/v1/batches/" + id + "/resume", Map.of()).status()).isEqualTo(202);
        // the progress stream of a node that is not the job's (b was killed in the first test) shows the whole batch
        List<JsonNode> progress = node(0).stream("/api/v1/batches/" + id + "/progress/stream", DONE).stream()
                .filter(line -> line.startsWith("data:")).map(line -> ApiClient.json(line.substring(5))).toList();
        assertThat(progress).as("progress events from node a").isNotEmpty();
        assertThat(progress).filteredOn(p -> p.get("state").asText().equals("DELIVERING")
                        && p.get("source").asText().equals("redis") && p.get("sent").asInt() < count)
                .as("live progress from Redis (every node's partitions count there) while the nodes deliver").isNotEmpty();
        assertThat(progress.get(progress.size() - 1).get("state").asText()).isEqualTo("COMPLETED");
        assertThat(progress.get(progress.size() - 1).get("sent").asInt()).isEqualTo(count);
        assertThat(node(2).awaitState(id, "COMPLETED", DONE).get("counts").get("sent").asInt()).isEqualTo(count);
        for (int i = first; i < first + count; i++) {
            assertThat(accounting.acceptedFor(Recipients.phone(i))).as(Recipients.phone(i)).isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    void twoBatchesAtOnceKeepTheirPartitionsApartAndARequestDeliveredAgainDoesNothing() throws Exception {
        long one = prepare(node(0), 3_945_000, 5_000);
        long two = prepare(node(2), 3_952_000, 5_000);
        assertThat(node(0).postJson("/api/v1/batches/" + one + "/start", Map.of()).status()).isEqualTo(202);
        assertThat(node(2).postJson("/api/v1/batches/" + two + "/start", Map.of()).status()).isEqualTo(202);
        assertThat(node(0).awaitState(one, "COMPLETED", DONE).get("counts").get("sent").asInt()).isEqualTo(5_000);
        assertThat(node(2).awaitState(two, "COMPLETED", DONE).get("counts").get("sent").asInt()).isEqualTo(5_000);
        for (int i = 0; i < 5_000; i++) {
            assertThat(accounting.acceptedFor(Recipients.phone(3_945_000 + i))).isEqualTo(1);
            assertThat(accounting.acceptedFor(Recipients.phone(3_952_000 + i))).isEqualTo(1);
        }

        // the broker delivers a finished partition's request again: the node that takes it drops it
        Map<String, Object> partition = jdbc.queryForMap("""
                SELECT s.step_execution_id, s.job_execution_id, s.version FROM batch_step_execution s
                JOIN sms_batch b ON b.job_execution_id = s.job_execution_id
                WHERE b.id = ? AND s.step_name LIKE 'delivery-worker:%' ORDER BY s.step_execution_id LIMIT 1""", one);
        long before = accepted(3_945_000, 5_000);
        CachingConnectionFactory connections = new CachingConnectionFactory(URI.create(TestServices.amqpUrl()));
        try {
            MessageProperties properties = new MessageProperties();
            properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
            String request = String.format("{\"stepName\":\"delivery-worker\",\"jobExecutionId\":%d,\"stepExecutionId\":%d}",
                    partition.get("job_execution_id"), partition.get("step_execution_id"));
            new RabbitTemplate(connections).send("", "sms.partitions." + RUN_PREFIX.replace(":", "") + ".delivery-worker",
                    new Message(request.getBytes(StandardCharsets.UTF_8), properties));
            Thread.sleep(2_000);
        } finally {
            connections.destroy();
        }
        assertThat(accepted(3_945_000, 5_000)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT version FROM batch_step_execution WHERE step_execution_id = ?", Long.class,
                partition.get("step_execution_id"))).isEqualTo(((Number) partition.get("version")).longValue());
    }

    @Test
    @Order(4)
    void aWorkerToldToStopHandsItsPartitionsBackAndTheOthersFinishThemWithNothingInDoubt() throws Exception {
        nodes.add(startNode("d"));                      // a, c and d from here on
        int first = 3_960_000;
        int count = 15_000;
        long id = prepare(node(0), first, count);
        assertThat(node(0).postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        node(0).await("/api/v1/cluster/nodes", all -> brokerNodes(all).size() == 3
                && brokerNodes(all).stream().allMatch(n -> n.get("partitionsRunning").asInt() >= 1), DONE, 100);
        awaitAccepted(first, count, 3_000);

        Duration exit = nodes.get(2).terminate(Duration.ofSeconds(30));     // c, a worker: SIGTERM, as a scale-down sends
        assertThat(nodes.get(2).isAlive()).as("exited in %s", exit).isFalse();

        JsonNode done = node(0).awaitState(id, "COMPLETED", DONE);
        assertThat(done.get("counts").get("sent").asInt()).isEqualTo(count);
        assertThat(done.get("counts").get("inDoubt").asInt()).isZero();
        for (int i = first; i < first + count; i++) {
            assertThat(accounting.acceptedFor(Recipients.phone(i))).as(Recipients.phone(i)).isEqualTo(1);
        }
    }

    @Test
    @Order(5)
    void aKilledManagersJobIsRecoveredOnceItsPartitionsElsewhereStoppedAndContinuesOnAnotherNode() throws Exception {
        int first = 3_975_000;
        int count = 20_000;
        long id = prepare(node(0), first, count);       // a runs the job; a and d its partitions
        assertThat(node(0).postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        awaitAccepted(first, count, 4_000);
        nodes.get(0).kill();

        // the other nodes' partitions are stopped first, then the job is ended and continued on a live node
        ApiClient survivor = node(3);
        JsonNode done = survivor.awaitState(id, "COMPLETED", DONE);
        assertThat(done.get("counts").get("sent").asInt()).isEqualTo(count);
        long inDoubt = done.get("counts").get("inDoubt").asLong();
        JsonNode events = survivor.get("/api/v1/batches/" + id + "/events").json();
        assertThat(events).extracting(e -> e.get("event").asText()).doesNotContain("node_lost", "resume")
                .containsSubsequence("start", "taken_over", "delivered");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_partition_claim WHERE batch_id = ?", Long.class, id))
                .isZero();
        assertSentOnceOrInDoubt(first, count, inDoubt);
    }

    /**
     * The broker restarted in the middle of a delivery through it (a deploy of the broker, a failover): nothing is
     * lost, nothing sent twice. Partitions running go on (they need the broker only to be asked for); requests the
     * broker still held are delivered again and dropped by the node that runs or ran them; requests a broker
     * without a disk lost (the embedded one keeps nothing) are sent again by their manager.
     */
    @Test
    @Order(6)
    void aBrokerRestartedInTheMiddleOfADeliveryIsWaitedOutAndEveryNumberIsSentOnce() throws Exception {
        int first = 2_600_000;
        int count = 12_000;
        ApiClient survivor = node(3);
        long id = survivor.uploadCsv(Recipients.csv(first, count), Map.of("name", "broker restarted", "template",
                "Hi {{name}}", "region", "US", "tps", "1000")).createdId();
        survivor.awaitState(id, "READY", DONE);
        assertThat(survivor.postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        awaitAccepted(first, count, 1_500);

        TestServices.restartBroker(Duration.ofSeconds(5));

        JsonNode done = survivor.awaitState(id, "COMPLETED", DONE);
        assertThat(done.get("counts").get("sent").asInt()).isEqualTo(count);
        assertThat(done.get("counts").get("inDoubt").asInt()).isZero();
        for (int i = first; i < first + count; i++) {
            assertThat(accounting.acceptedFor(Recipients.phone(i))).as(Recipients.phone(i)).isEqualTo(1);
        }
        // and the node is connected to the broker again, for the next batch
        survivor.await("/api/v1/cluster/nodes", all -> brokerNodes(all).size() == 1, DONE, 250);
    }

    private static List<JsonNode> brokerNodes(JsonNode all) {
        List<JsonNode> found = new ArrayList<>();
        all.forEach(n -> {
            if (n.get("broker").asText().equals("connected") && n.get("alive").asBoolean()) {
                found.add(n);
            }
        });
        return found;
    }

    private static long prepare(ApiClient node, int first, int count) {
        long id = node.uploadCsv(Recipients.csv(first, count), Map.of("name", "clustered", "template", "Hi {{name}}",
                "region", "US")).createdId();
        node.awaitState(id, "READY", DONE);
        return id;
    }

    /** Every number got its message, and no more numbers got two than the batch reports in doubt. */
    private void assertSentOnceOrInDoubt(int first, int count, long inDoubt) {
        long twice = 0;
        Map<String, Integer> byDestination = accounting.acceptedByDestination();
        for (int i = first; i < first + count; i++) {
            int submissions = byDestination.getOrDefault(Recipients.phone(i).substring(1), 0);
            assertThat(submissions).as("submit_sm for %s", Recipients.phone(i)).isBetween(1, 2);
            twice += submissions == 2 ? 1 : 0;
        }
        assertThat(twice).as("numbers sent twice, against %d in doubt", inDoubt).isLessThanOrEqualTo(inDoubt);
    }

    private void awaitAccepted(int first, int count, long atLeast) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DONE.toMillis();
        while (accepted(first, count) < atLeast && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(accepted(first, count)).isGreaterThanOrEqualTo(atLeast);
    }

    private long accepted(int first, int count) {
        long accepted = 0;
        for (int i = first; i < first + count; i++) {
            accepted += accounting.acceptedFor(Recipients.phone(i));
        }
        return accepted;
    }
}
