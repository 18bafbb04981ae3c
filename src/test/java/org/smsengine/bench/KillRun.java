package org.smsengine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smsengine.support.ApiClient;
import org.smsengine.support.TestServices;

/**
 * A node lost in the middle of a large batch, at full speed ({@code -Dbench.killRows=1000000}; with it
 * the benchmark runs only this). {@code bench.killNodes} engine nodes (default 3; fresh JVMs of the packaged
 * jar) share PostgreSQL, Redis and the broker ({@code SMS_TEST_AMQP_URL}, or Qpid in this JVM) and deliver
 * to one unthrottled simulator (the single-node benchmark's settings: no added latency, receipts after
 * 100 ms); each node binds {@link #SESSIONS_PER_NODE} sessions with a window of {@code bench.window}
 * (default 64). Every node runs with a heartbeat every 1 s, lost after 10 s of silence, looked for every
 * 2 s ({@code sms.recovery.*}), a pool of {@link #POOL} connections, and the job definition's partitioned
 * steps at {@link #PARTITIONS} partitions.
 *
 * <p>A batch of {@code bench.killRows} recipients (numbers from {@link #NUMBERS}: no other run's) is
 * uploaded to node 1, which therefore runs its job (the manager), and started; when the simulator has
 * accepted {@code bench.killAt} per cent of the rows (default 30) node {@code bench.killNode} (default 2, a
 * worker; 1 is the manager) gets {@code kill -9}. The benchmark then waits, at most an hour, for the batch
 * to be COMPLETED, asking a surviving node's API (a line every 10 s). Where the engine pauses the batch
 * instead (DELIVERY_PAUSED, "node lost...", as it does when the manager is lost), the benchmark says so and
 * resumes it on a survivor, as an operator would, and counts the resume as made by hand.
 *
 * <p>It prints the batch's counts (sent, failed, inDoubt), the simulator's accepted submissions for the batch
 * and its numbers that got more than one (the simulator's totals after minus before), the times from the
 * kill to COMPLETED and the whole delivery's rate, and a verdict: PASS when every row was sent (sent equal to
 * the rows, none failed) and no more numbers were sent twice than the batch counts in doubt (with the default
 * {@code sms.recovery.in-doubt} RESEND, only those may go out again); FAIL with the reason otherwise. The
 * simulator does not count distinct numbers, so "accepted - numbers sent more than once" stands for them (it
 * equals them when no number was sent more than twice, and is never below them); it must reach the rows.
 */
final class KillRun {

    /** The kill batch's numbers: 110,000,000 on is no other run's range, below the 120,000,000 where candidates repeat. */
    static final long NUMBERS = 110_000_000L;
    static final int PARTITIONS = 12;
    static final int SESSIONS_PER_NODE = 2;
    static final int POOL = 12;
    private static final Duration TIMEOUT = Duration.ofMinutes(60);
    private static final long POLL_MILLIS = 20;
    private static final long STATE_POLL_MILLIS = 500;
    /** After COMPLETED, the simulator is read again this much later: a submission after it would be a bug. */
    private static final long SETTLE_MILLIS = 3_000;

    private KillRun() {
    }

    static boolean requested() {
        return Integer.getInteger("bench.killRows", 0) > 0;
    }

    static void print(BenchOptions options, BenchServices services, EngineDatabase database) throws Exception {
        int rows = Integer.getInteger("bench.killRows", 0);
        int nodes = Integer.getInteger("bench.killNodes", 3);
        double killAt = Double.parseDouble(System.getProperty("bench.killAt", "30").replace("%", "").strip());
        int victimNode = Integer.getInteger("bench.killNode", 2);
        if (nodes < 2 || victimNode < 1 || victimNode > nodes || killAt <= 0 || killAt >= 100) {
            throw new IllegalArgumentException("bench.killNodes must be 2 or more, bench.killNode one of them (1.."
                    + nodes + ") and bench.killAt a percentage between 0 and 100");
        }
        String window = System.getProperty("bench.window", "64");
        Path workDir = Files.createDirectories(options.workDir().resolve("kill"));
        Path jobs = ClusterRun.jobDefinition(workDir, PARTITIONS);
        String broker = TestServices.amqpUrl();
        System.out.printf(Locale.ROOT, "kill run: %,d messages, %d nodes x %d sessions x window %s, %d partitions, unthrottled "
                + "simulator; node %d (%s) gets kill -9 at %.0f %% accepted; broker %s%n", rows, nodes, SESSIONS_PER_NODE, window,
                PARTITIONS, victimNode, victimNode == 1 ? "the manager" : "a worker", killAt,
                broker.replaceAll("//[^@]*@", "//"));
        Map<String, String> shared = new HashMap<>(services.engineProperties());
        shared.put("spring.rabbitmq.addresses", broker);
        shared.put("sms.cluster.queue-prefix", "sms.partitions.bench-kill-" + System.currentTimeMillis());
        shared.put("sms.pipeline.job-definition", jobs.toUri().toString());
        shared.put("sms.recovery.heartbeat-interval", "1s");
        shared.put("sms.recovery.node-timeout", "10s");
        shared.put("sms.recovery.check-interval", "2s");
        shared.put("spring.datasource.hikari.maximum-pool-size", Integer.toString(POOL));
        int smscPort = TestServices.freePort();
        SimulatorProcess simulator = SimulatorProcess.start(options.jar(), smscPort, TestServices.freePort(),
                Benchmark.simulatorSettings(Map.of()), workDir.resolve("simulator.log"));
        List<EngineProcess> engines = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                Map<String, String> properties = new HashMap<>(shared);
                properties.putAll(ClusterRun.provider(smscPort, window, SESSIONS_PER_NODE));
                engines.add(EngineProcess.start(options.jar(), options.heap(), TestServices.freePort(), properties,
                        Files.createDirectories(workDir.resolve("node-" + (i + 1)))));
            }
            simulator.awaitBound(nodes * SESSIONS_PER_NODE, 60_000);
            run(engines, database, simulator, RecipientFile.create(workDir, rows, NUMBERS), rows, killAt, victimNode, workDir);
        } finally {
            for (EngineProcess engine : engines) {
                engine.close();
            }
            simulator.close();
        }
    }

    private static void run(List<EngineProcess> engines, EngineDatabase database, SimulatorProcess simulator, Path csv,
            int rows, double killAt, int victimNode, Path workDir) throws Exception {
        EngineProcess manager = engines.get(0);
        long uploadStarted = System.nanoTime();
        long batchId = Benchmark.upload(manager, csv, null);
        ApiClient managerApi = new ApiClient(manager.baseUrl(), EngineProcess.USER, EngineProcess.PASSWORD);
        new BatchWatch(managerApi, database, batchId, "kill batch " + batchId).awaitState("READY", TIMEOUT);
        System.out.printf(Locale.ROOT, "  batch %d READY %.1f s after the upload started; starting it on node 1%n", batchId,
                (System.nanoTime() - uploadStarted) / 1e9);
        SimulatorCount before = simulator.count();
        long started = System.nanoTime();
        long deadline = started + TIMEOUT.toNanos();
        ApiClient.Response start = managerApi.postJson("/api/v1/batches/" + batchId + "/start", Map.of());
        if (start.status() != 202) {
            throw new IllegalStateException("Start refused: " + start);
        }
        long killCount = (long) Math.ceil(rows * killAt / 100);
        long acceptedAtKill;
        try (Ticker ignored = Ticker.start("kill batch " + batchId, () -> acceptedLine(simulator, before, rows))) {
            while (true) {
                long accepted = simulator.count().accepted() - before.accepted();
                if (accepted >= killCount) {
                    acceptedAtKill = accepted;
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The simulator accepted only " + accepted + " of the batch's " + rows
                            + " in " + TIMEOUT.toMinutes() + " min: no kill made");
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
        EngineProcess victim = engines.get(victimNode - 1);
        long pid = victim.pid();
        victim.kill();
        long killed = System.nanoTime();
        System.out.printf(Locale.ROOT, "  kill -9 of node %d (pid %d, %s) %.1f s after the start, the simulator having accepted "
                + "%,d (%.1f %%)%n", victimNode, pid, victimNode == 1 ? "the manager" : "a worker", (killed - started) / 1e9,
                acceptedAtKill, acceptedAtKill * 100.0 / rows);
        int survivorNode = victimNode == 1 ? 2 : 1;
        EngineProcess survivor = engines.get(survivorNode - 1);
        ApiClient api = new ApiClient(survivor.baseUrl(), EngineProcess.USER, EngineProcess.PASSWORD);
        String path = "/api/v1/batches/" + batchId;
        int resumedByHand = 0;
        int resumesRefused = 0;
        String failure = null;
        String lastState = "";
        long pausedAt = 0;
        JsonNode batch;
        try (Ticker ignored = Ticker.start("kill batch " + batchId, () -> stateLine(api, path, simulator, before, rows))) {
            while (true) {
                batch = api.get(path).json();
                String state = batch.path("state").asText();
                String reason = batch.path("stateReason").asText("");
                if (!state.equals(lastState)) {
                    System.out.printf(Locale.ROOT, "  %6.1f s after the kill: %s%s (asking node %d)%n", (System.nanoTime() - killed)
                            / 1e9, state, reason.isEmpty() ? "" : ", \"" + reason + "\"", survivorNode);
                    lastState = state;
                }
                if (state.equals("COMPLETED")) {
                    break;
                }
                if (state.equals("FAILED") || state.equals("ABORTED")) {
                    failure = "the batch ended " + state + (reason.isEmpty() ? "" : " (" + reason + ")");
                    break;
                }
                if (state.equals("DELIVERY_PAUSED") && reason.toLowerCase(Locale.ROOT).contains("node lost")) {
                    pausedAt = pausedAt == 0 ? System.nanoTime() : pausedAt;
                    // what an operator does today when the job's node is lost: resume it on a node still alive
                    ApiClient.Response resumed = api.postJson(path + "/resume", Map.of());
                    if (resumed.status() == 202) {
                        resumedByHand++;
                    } else {
                        resumesRefused++;
                    }
                    System.out.printf(Locale.ROOT, "  %6.1f s after the kill: paused by the engine for the lost node; resumed by "
                            + "hand on node %d: %d%s%n", (System.nanoTime() - killed) / 1e9, survivorNode, resumed.status(),
                            resumed.status() == 202 ? "" : " " + resumed.text());
                    if (resumesRefused >= 5) {
                        failure = "the batch stayed DELIVERY_PAUSED (node lost) and refused 5 resumes";
                        break;
                    }
                    Thread.sleep(2_000);    // the resume takes a moment to leave DELIVERY_PAUSED
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    failure = "not COMPLETED " + TIMEOUT.toMinutes() + " min after the start; last " + state
                            + (reason.isEmpty() ? "" : " (" + reason + ")") + "; see " + workDir + "/node-*/engine.log";
                    break;
                }
                Thread.sleep(STATE_POLL_MILLIS);
            }
        }
        long ended = System.nanoTime();
        SimulatorCount atEnd = simulator.count().minus(before);
        Thread.sleep(SETTLE_MILLIS);
        SimulatorCount count = simulator.count().minus(before);
        batch = api.get(path).json();
        report(batch, rows, count, atEnd, started, killed, ended, pausedAt, resumedByHand, victimNode, failure);
    }

    private static void report(JsonNode batch, int rows, SimulatorCount count, SimulatorCount atEnd, long started, long killed,
            long ended, long pausedAt, int resumedByHand, int victimNode, String failure) {
        JsonNode counts = batch.get("counts");
        long sent = counts.get("sent").asLong();
        long failed = counts.get("failed").asLong();
        long inDoubt = counts.get("inDoubt").asLong();
        long distinctAtMost = count.accepted() - count.doubles();
        System.out.printf(Locale.ROOT, "%n=== kill run: node %d (%s) killed at %.1f s of batch %d, %,d rows ===%n", victimNode,
                victimNode == 1 ? "the manager" : "a worker", (killed - started) / 1e9, batch.get("id").asLong(), rows);
        System.out.printf(Locale.ROOT, "batch                 %s%s; sent %,d, failed %,d, inDoubt %,d (delivered %,d so far)%n",
                batch.path("state").asText(), batch.path("stateReason").isTextual() ? " (" + batch.path("stateReason").asText() + ")"
                        : "", sent, failed, inDoubt, counts.get("delivered").asLong());
        System.out.printf(Locale.ROOT, "simulator             accepted %,d for the batch (%,d more than its rows); numbers sent "
                + "more than once %,d; accepted - those %,d (distinct numbers, if none went three times)%n", count.accepted(),
                count.accepted() - rows, count.doubles(), distinctAtMost);
        if (count.accepted() != atEnd.accepted()) {
            System.out.printf(Locale.ROOT, "simulator             %,d submission(s) accepted in the %d s after COMPLETED%n",
                    count.accepted() - atEnd.accepted(), SETTLE_MILLIS / 1000);
        }
        System.out.printf(Locale.ROOT, "times                 kill to %s %.1f s%s; start to end %.1f s: %,.0f msg/s overall%n",
                failure == null ? "COMPLETED" : "the end of the wait", (ended - killed) / 1e9,
                pausedAt == 0 ? "" : String.format(Locale.ROOT, " (kill to the node-lost pause %.1f s)", (pausedAt - killed) / 1e9),
                (ended - started) / 1e9, sent / Math.max((ended - started) / 1e9, 1e-3));
        System.out.printf(Locale.ROOT, "resumed by hand       %d%s%n", resumedByHand,
                resumedByHand == 0 ? " (the engine carried on by itself)" : " (the engine paused the batch for the lost node)");
        List<String> why = new ArrayList<>();
        if (failure != null) {
            why.add(failure);
        }
        if (sent != rows) {
            why.add(String.format(Locale.ROOT, "sent %,d of %,d rows", sent, rows));
        }
        if (failed != 0) {
            why.add(String.format(Locale.ROOT, "%,d failed", failed));
        }
        if (count.doubles() > inDoubt) {
            why.add(String.format(Locale.ROOT, "%,d numbers sent more than once, more than the %,d in doubt", count.doubles(),
                    inDoubt));
        }
        if (distinctAtMost < rows) {
            why.add(String.format(Locale.ROOT, "the simulator accepted at most %,d distinct numbers of %,d", distinctAtMost, rows));
        }
        System.out.println(why.isEmpty()
                ? String.format(Locale.ROOT, "verdict               PASS: every row sent once at least, %,d number(s) twice "
                        + "(<= %,d in doubt)%s", count.doubles(), inDoubt, resumedByHand == 0 ? "" : "; resumed by hand "
                        + resumedByHand + "x")
                : "verdict               FAIL: " + String.join("; ", why));
    }

    /** Before the kill: how far the simulator is. */
    private static String acceptedLine(SimulatorProcess simulator, SimulatorCount before, int rows) {
        try {
            long accepted = simulator.count().accepted() - before.accepted();
            return String.format(Locale.ROOT, "simulator accepted %,d of %,d (%.1f %%)", accepted, rows, accepted * 100.0 / rows);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** After the kill: the batch as a survivor shows it, and the simulator's count. */
    private static String stateLine(ApiClient api, String path, SimulatorProcess simulator, SimulatorCount before, int rows) {
        JsonNode batch = api.get(path).json();
        JsonNode counts = batch.get("counts");
        try {
            SimulatorCount count = simulator.count().minus(before);
            return String.format(Locale.ROOT, "%-15s sent %,d, inDoubt %,d, failed %,d; simulator accepted %,d of %,d, "
                    + "numbers twice %,d", batch.path("state").asText(), counts.get("sent").asLong(),
                    counts.get("inDoubt").asLong(), counts.get("failed").asLong(), count.accepted(), rows, count.doubles());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
