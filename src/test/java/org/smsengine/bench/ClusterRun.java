package org.smsengine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smsengine.support.TestServices;

/**
 * One batch delivered by 1, 2, 3 ... engine nodes ({@code bench.nodes}, default {@code 1,2,3}) sharing
 * PostgreSQL, Redis and an AMQP broker ({@code SMS_TEST_AMQP_URL}, or Qpid in this JVM), where a node is
 * limited by its provider sessions: the simulator answers each submit after {@code bench.clusterLatency}
 * (default 20 ms) and each node binds one session with a window of {@code bench.clusterWindow} (default 8),
 * so one node cannot go faster than window / latency (400 msg/s). The batch ({@code bench.clusterRows},
 * default 24,000) has {@code bench.clusterPartitions} partitions (default 12, so that 1, 2, 3, 4 or 6 nodes
 * share them evenly), after a warm-up batch of {@code bench.clusterWarmup} (default 6,000) on the same nodes.
 * Prints, per node count, the delivery step's rate, the speed-up over one node and the
 * engines' CPU time per message (all nodes' user and system time from the start to the last receipt, from
 * /proc), also net of what the nodes burn idle (measured for 10 s before the batch); PASS when
 * two nodes deliver at least 1.7 times as fast as one.
 */
final class ClusterRun {

    private static final long NUMBERS = 90_000_000L;
    private static final long WARM_UP = 95_000_000L;
    private static final long IDLE_MILLIS = 10_000;

    private ClusterRun() {
    }

    static boolean requested() {
        String nodes = System.getProperty("bench.nodes");
        return nodes != null && !nodes.isBlank();
    }

    static void print(BenchOptions options, BenchServices services, EngineDatabase database) throws Exception {
        int[] counts = java.util.Arrays.stream(System.getProperty("bench.nodes", "1,2,3").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        int rows = Integer.getInteger("bench.clusterRows", 24_000);
        String latency = System.getProperty("bench.clusterLatency", "20ms");
        String window = System.getProperty("bench.clusterWindow", "8");
        int partitions = Integer.getInteger("bench.clusterPartitions", 12);
        int warmup = Integer.getInteger("bench.clusterWarmup", 6_000);
        Path workDir = Files.createDirectories(options.workDir().resolve("cluster"));
        Path jobs = jobDefinition(workDir, partitions);
        String broker = TestServices.amqpUrl();
        System.out.printf(Locale.ROOT, "cluster: %d messages, %d partitions; each node 1 session x window %s, simulator "
                + "latency %s; broker %s%n", rows, partitions, window, latency, broker.replaceAll("//[^@]*@", "//"));
        Map<String, String> shared = new HashMap<>(services.engineProperties());
        shared.put("spring.rabbitmq.addresses", broker);
        shared.put("sms.cluster.queue-prefix", "sms.partitions.bench-" + System.currentTimeMillis());
        shared.put("sms.pipeline.job-definition", jobs.toUri().toString());
        double single = Double.NaN;
        int round = 0;
        for (int nodes : counts) {
            int smscPort = TestServices.freePort();
            Path runDir = Files.createDirectories(workDir.resolve(nodes + "-nodes"));
            SimulatorProcess simulator = SimulatorProcess.start(options.jar(), smscPort, TestServices.freePort(),
                    Map.of("latency", latency, "receipt-delay", "100ms"), runDir.resolve("simulator.log"));
            List<EngineProcess> engines = new ArrayList<>();
            try {
                for (int i = 0; i < nodes; i++) {
                    Map<String, String> properties = new HashMap<>(shared);
                    properties.putAll(Map.of("sms.providers.definitions[0].name", "bench-smsc",
                            "sms.providers.definitions[0].tps", "1000000",
                            "sms.providers.definitions[0].window", window,
                            "sms.providers.definitions[0].sessions", "1",
                            "sms.providers.definitions[0].smpp.host", "localhost",
                            "sms.providers.definitions[0].smpp.port", Integer.toString(smscPort),
                            "sms.providers.definitions[0].smpp.system-id", "engine",
                            "sms.providers.definitions[0].smpp.password", "secret"));
                    engines.add(EngineProcess.start(options.jar(), options.heap(), TestServices.freePort(), properties,
                            Files.createDirectories(runDir.resolve("node-" + (i + 1)))));
                }
                if (warmup > 0) {
                    // fresh JVMs: compiling the hot paths would otherwise count as each node's cost per message
                    Benchmark.run(engines.get(0), database, RecipientFile.create(workDir, warmup, WARM_UP + (long) round * warmup),
                            services, null, nodes + " node(s) warm-up", batchId -> () -> { });
                }
                // what the nodes burn doing nothing (heartbeats, schedulers, pollers), to tell it from the messages' cost
                long idleFrom = cpu(engines);
                Thread.sleep(IDLE_MILLIS);
                double idlePerSecond = (cpu(engines) - idleFrom) * 1000.0 / IDLE_MILLIS;
                Path csv = RecipientFile.create(workDir, rows, NUMBERS + (long) round++ * rows);
                long[] cpuBefore = new long[1];
                long[] startedAt = new long[1];
                BatchRun run = Benchmark.run(engines.get(0), database, csv, services, null, nodes + " node(s)", batchId -> {
                    cpuBefore[0] = cpu(engines);
                    startedAt[0] = System.nanoTime();
                    return () -> { };
                });
                long cpu = cpu(engines) - cpuBefore[0];
                double measuredSeconds = (System.nanoTime() - startedAt[0]) / 1e9;
                double net = Math.max(0, cpu - idlePerSecond * measuredSeconds);
                long sent = run.count("sent");
                double seconds = run.seconds("delivery");
                double rate = sent / seconds;
                if (nodes == 1) {
                    single = rate;
                }
                String speedUp = Double.isNaN(single) ? "" : String.format(Locale.ROOT, ", %.2fx one node's", rate / single);
                String verdict = nodes == 2 && !Double.isNaN(single)
                        ? (rate / single >= 1.7 ? "   PASS (>= 1.7x)" : "   MISS (< 1.7x)") : "";
                System.out.printf(Locale.ROOT, "  %d node(s): %,d sent in %.1f s: %,.0f msg/s%s; engine CPU %.0f us/msg, "
                        + "%.0f us/msg net of the nodes' idle %.0f ms/s%s%n", nodes, sent, seconds, rate, speedUp,
                        cpu * 1000.0 / Math.max(1, sent), net * 1000.0 / Math.max(1, sent), idlePerSecond, verdict);
                JsonNode counts2 = run.batch().get("counts");
                if (counts2.get("failed").asLong() > 0 || sent != rows) {
                    System.out.printf(Locale.ROOT, "    WARNING: %s%n", counts2);
                }
            } finally {
                for (EngineProcess engine : engines) {
                    engine.close();
                }
                simulator.close();
            }
        }
    }

    /** All the nodes' CPU time so far (ms). */
    private static long cpu(List<EngineProcess> engines) {
        return engines.stream().mapToLong(EngineProcess::cpuMillis).sum();
    }

    /** The shipped job definition with {@code partitions} partitions. */
    private static Path jobDefinition(Path workDir, int partitions) throws java.io.IOException {
        String shipped = Files.readString(Path.of("jobs/sms-batch.yml"));
        return Files.writeString(workDir.resolve("sms-batch.yml"), shipped.replace("gridSize: 4", "gridSize: " + partitions));
    }
}
