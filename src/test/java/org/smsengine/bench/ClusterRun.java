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
 * limited by its provider session: each node binds one session with a window of {@code bench.clusterWindow}
 * (default 8), and the simulator answers at most {@code bench.clusterProcessors} submits of a session at a time
 * (its PDU processors, default 4), each after {@code bench.clusterLatency} (default 50 ms), so one node cannot go
 * faster than min(window, processors) / latency (80 msg/s). That is slow on purpose: three nodes at that rate
 * leave a 2-core machine room (at 20 ms, three nodes were bound by the machine, not their sessions). The batch
 * ({@code bench.clusterRows}, default 14,400) has {@code bench.clusterPartitions} partitions (default 12, so that 1, 2, 3, 4 or 6 nodes
 * share them evenly), after a warm-up batch of {@code bench.clusterWarmup} rows per node (default 6,000; the
 * batch is that times the node count, so that each node compiles its hot paths on as many messages as one node
 * alone does) on the same nodes.
 * Prints, per node count, the delivery step's rate, the speed-up over one node and the
 * engines' CPU time per message two ways: over the whole run (all nodes' user and system time from the start
 * to the last receipt, from /proc), also net of what the nodes burn idle (measured for 10 s before the batch),
 * and in a steady window ({@link SteadyWindow}: all nodes' CPU between the moments the simulator has accepted
 * 25 % and 75 % of the rows, over the submissions accepted in between), which leaves out the start, the tail
 * and the receipts after the last submit, also less what the JIT compilers used in it (each fresh JVM compiles
 * its hot paths once; with more nodes there is more of that per message); PASS when two nodes deliver at least 1.7 times as fast as one.
 *
 * <p>After the run with the most nodes, while its engines and simulator are still up, the cluster's pause
 * latency ({@link PauseLatency}) over {@code bench.clusterPauses} pauses (default 20; 0 for none): each pause
 * is requested on node 1 while the batch's partitions run on every node, so the other nodes learn of it
 * through Redis pub/sub (or, failing that, the job repository at their next chunk). Its batch is sized for
 * about 2.5 s of delivery per pause at the rate just measured (at least 20,000 rows).
 *
 * <p>{@code -Dbench.killRows=N} runs instead only the node-loss run ({@link KillRun}).
 *
 * <p>Number ranges ({@link RecipientFile}): the measured batches' from 90,000,000, the warm-ups' from
 * 95,000,000, the cluster pause batch's from 96,000,000, the kill run's from {@link KillRun#NUMBERS}.
 */
final class ClusterRun {

    private static final long NUMBERS = 90_000_000L;
    private static final long WARM_UP = 95_000_000L;
    private static final long PAUSE_NUMBERS = 96_000_000L;
    /** Delivery per pause the cluster's pause batch is sized for (the run before it, the pause, the resume). */
    private static final double SECONDS_PER_PAUSE = 2.5;
    private static final long IDLE_MILLIS = 10_000;

    private ClusterRun() {
    }

    static boolean requested() {
        String nodes = System.getProperty("bench.nodes");
        return nodes != null && !nodes.isBlank() || KillRun.requested();
    }

    static void print(BenchOptions options, BenchServices services, EngineDatabase database) throws Exception {
        if (KillRun.requested()) {
            KillRun.print(options, services, database);
            return;
        }
        int[] counts = java.util.Arrays.stream(System.getProperty("bench.nodes", "1,2,3").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        int rows = Integer.getInteger("bench.clusterRows", 14_400);
        String latency = System.getProperty("bench.clusterLatency", "50ms");
        String window = System.getProperty("bench.clusterWindow", "8");
        String processors = System.getProperty("bench.clusterProcessors", "4");
        int partitions = Integer.getInteger("bench.clusterPartitions", 12);
        int warmup = Integer.getInteger("bench.clusterWarmup", 6_000);
        int pauses = Integer.getInteger("bench.clusterPauses", 20);
        int most = java.util.Arrays.stream(counts).max().orElse(0);
        boolean pausesMeasured = false;
        long warmupNumbers = WARM_UP;
        List<String> summary = new ArrayList<>();
        Path workDir = Files.createDirectories(options.workDir().resolve("cluster"));
        Path jobs = jobDefinition(workDir, partitions);
        String broker = TestServices.amqpUrl();
        System.out.printf(Locale.ROOT, "cluster: %d messages, %d partitions; each node 1 session x window %s, the simulator "
                + "answering %s submits of a session at a time, each after %s; broker %s%n", rows, partitions, window,
                processors, latency, broker.replaceAll("//[^@]*@", "//"));
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
                    Map.of("latency", latency, "receipt-delay", "100ms", "pdu-processors", processors),
                    runDir.resolve("simulator.log"));
            List<EngineProcess> engines = new ArrayList<>();
            try {
                for (int i = 0; i < nodes; i++) {
                    Map<String, String> properties = new HashMap<>(shared);
                    properties.putAll(provider(smscPort, window, 1));
                    engines.add(EngineProcess.start(options.jar(), options.heap(), TestServices.freePort(), properties,
                            Files.createDirectories(runDir.resolve("node-" + (i + 1)))));
                }
                if (warmup > 0) {
                    // fresh JVMs: compiling the hot paths would otherwise count as each node's cost per message; the
                    // partitions spread the batch over the nodes, so it is as many times the per-node size as there are nodes
                    int warmupRows = warmup * nodes;
                    Benchmark.run(engines.get(0), database, RecipientFile.create(workDir, warmupRows, warmupNumbers),
                            services, null, nodes + " node(s) warm-up", batchId -> () -> { });
                    warmupNumbers += warmupRows;
                }
                // what the nodes burn doing nothing (heartbeats, schedulers, pollers), to tell it from the messages' cost
                long idleFrom = cpu(engines);
                Thread.sleep(IDLE_MILLIS);
                double idlePerSecond = (cpu(engines) - idleFrom) * 1000.0 / IDLE_MILLIS;
                Path csv = RecipientFile.create(workDir, rows, NUMBERS + (long) round++ * rows);
                long[] cpuBefore = new long[1];
                long[] startedAt = new long[1];
                SteadyWindow[] steadyWindow = new SteadyWindow[1];
                BatchRun run = Benchmark.run(engines.get(0), database, csv, services, null, nodes + " node(s)", batchId -> {
                    cpuBefore[0] = cpu(engines);
                    startedAt[0] = System.nanoTime();
                    steadyWindow[0] = SteadyWindow.start(simulator, engines, rows);
                    return steadyWindow[0];
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
                SteadyWindow.Result steady = steadyWindow[0].result();
                double steadyNet = Math.max(0, steady.cpuMillis() - idlePerSecond * steady.seconds());
                if (steady.messages() > 0) {
                    System.out.printf(Locale.ROOT, "    steady window (simulator accepted %.0f-%.0f %% of the rows): %,d msgs in "
                            + "%.1f s, %,.0f msg/s; engine CPU %.0f us/msg, %.0f us/msg net of idle, %.0f us/msg less JIT "
                            + "compilation (%.0f %% of it)%n", SteadyWindow.FROM * 100,
                            SteadyWindow.TO * 100, steady.messages(), steady.seconds(), steady.rate(), steady.microsPerMessage(),
                            steadyNet * 1000.0 / steady.messages(), steady.microsPerMessageLessJit(),
                            100.0 * Math.max(0, steady.jitMillis()) / Math.max(1, steady.cpuMillis()));
                } else {
                    System.out.printf(Locale.ROOT, "    steady window: not measured (%s)%n", steadyWindow[0].failure() == null
                            ? "the simulator's count never crossed both marks" : steadyWindow[0].failure().toString());
                }
                summary.add(String.format(Locale.ROOT, "  %d node(s)  %,8.0f msg/s  whole run %,6.0f us/msg (%,6.0f net of idle)"
                        + "  steady window %,6.0f us/msg (%,6.0f net of idle, %,6.0f less JIT)", nodes, rate,
                        cpu * 1000.0 / Math.max(1, sent), net * 1000.0 / Math.max(1, sent), steady.microsPerMessage(),
                        steady.messages() == 0 ? Double.NaN : steadyNet * 1000.0 / steady.messages(),
                        steady.microsPerMessageLessJit()));
                JsonNode counts2 = run.batch().get("counts");
                if (counts2.get("failed").asLong() > 0 || sent != rows) {
                    System.out.printf(Locale.ROOT, "    WARNING: %s%n", counts2);
                }
                if (nodes == most && pauses > 0 && !pausesMeasured) {
                    // sized for the cluster's session-limited rate: enough delivery for every pause, not hours of it
                    int pauseRows = (int) Math.max(20_000, Math.ceil(rate * (pauses + 2) * SECONDS_PER_PAUSE));
                    PauseLatency.measure(engines.get(0), database, simulator,
                            RecipientFile.create(workDir, pauseRows, PAUSE_NUMBERS), pauses,
                            "cluster pause latency, " + nodes + " node(s)",
                            String.format(Locale.ROOT, "(%,d rows), each pause requested on node 1 while every node delivers",
                                    pauseRows), rate);
                    pausesMeasured = true;
                }
            } finally {
                for (EngineProcess engine : engines) {
                    engine.close();
                }
                simulator.close();
            }
        }
        System.out.printf(Locale.ROOT, "%n=== cluster: engine CPU per message, all nodes (whole run: start to last receipt; "
                + "steady window: %.0f-%.0f %% accepted) ===%n", SteadyWindow.FROM * 100, SteadyWindow.TO * 100);
        summary.forEach(System.out::println);
    }

    /** One node's provider: the simulator at {@code smscPort}, unlimited rate, {@code sessions} binds of {@code window}. */
    static Map<String, String> provider(int smscPort, String window, int sessions) {
        String p = "sms.providers.definitions[0].";
        return Map.of(p + "name", "bench-smsc", p + "tps", "1000000", p + "window", window,
                p + "sessions", Integer.toString(sessions), p + "smpp.host", "localhost",
                p + "smpp.port", Integer.toString(smscPort), p + "smpp.system-id", "engine", p + "smpp.password", "secret");
    }

    /** All the nodes' CPU time so far (ms). */
    private static long cpu(List<EngineProcess> engines) {
        return SteadyWindow.cpu(engines);
    }

    /** The shipped job definition with {@code partitions} partitions. */
    static Path jobDefinition(Path workDir, int partitions) throws java.io.IOException {
        String shipped = Files.readString(Path.of("jobs/sms-batch.yml"));
        return Files.writeString(workDir.resolve("sms-batch.yml"), shipped.replace("gridSize: 4", "gridSize: " + partitions));
    }
}
