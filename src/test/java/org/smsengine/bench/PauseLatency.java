package org.smsengine.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smsengine.support.ApiClient;

/**
 * Pause latency at full speed: a batch delivering to the unthrottled simulator is paused and
 * resumed {@code pauses} times; each latency runs from just before the pause request to the last
 * {@code submit_sm} the simulator accepted after it (to 10 ms). The watch after a pause stays open
 * until the simulator has accepted nothing for {@link #QUIET_MILLIS}, so a late submission is
 * caught however late it comes, up to {@link #WATCH_LIMIT_MILLIS}; a pause that never went quiet
 * is reported as such. One pause before them is not measured (the engine's first pause request
 * loads classes). The batch is aborted at the end.
 */
final class PauseLatency {

    /** Delivery runs this long before each pause, so every pause meets it at full speed. */
    private static final long RUNNING_MILLIS = 700;
    /** Silence that ends the watch after a pause: longer than any gap between submissions at full speed. */
    private static final long QUIET_MILLIS = 300;
    /** A pause still submitting after this long did not stop delivery. */
    private static final long WATCH_LIMIT_MILLIS = 5_000;
    private static final long POLL_MILLIS = 20;
    /** After a resume (with a speed to reach): the simulator's acceptance is sampled over this long ... */
    private static final long SPEED_SAMPLE_MILLIS = 250;
    /** ... until it is back to half the speed, or this long has passed. */
    private static final long SPEED_LIMIT_MILLIS = 10_000;

    private PauseLatency() {
    }

    static void measure(EngineProcess engine, EngineDatabase database, SimulatorProcess simulator, Path csv, int pauses)
            throws Exception {
        measure(engine, database, simulator, csv, pauses, "pause latency", "at full speed", 0);
    }

    /**
     * As above, headed {@code === title: N pauses of batch B where ===}. With {@code speed} above 0 (msg/s: a cluster's
     * measured rate) each pause also waits, after the resume, until the simulator accepts at least half that rate again
     * (over {@link #SPEED_SAMPLE_MILLIS}; at most {@link #SPEED_LIMIT_MILLIS}) before its {@link #RUNNING_MILLIS}: in a
     * cluster a resumed job reaches the partitions on the other nodes through the broker, later than on one node, and a
     * pause made before they run again would find little to stop (its latency would read as none). The resumes that did
     * not get back to that rate in time are counted in the report.
     */
    static void measure(EngineProcess engine, EngineDatabase database, SimulatorProcess simulator, Path csv, int pauses,
            String title, String where, double speed) throws Exception {
        ApiClient api = new ApiClient(engine.baseUrl(), EngineProcess.USER, EngineProcess.PASSWORD);
        long id = Benchmark.upload(engine, csv, null);
        new BatchWatch(api, database, id, "pause batch " + id).awaitState("READY", Duration.ofMinutes(10));
        require(api.postJson("/api/v1/batches/" + id + "/start", Map.of()), "start");
        List<Long> latencies = new ArrayList<>();
        int neverQuiet = 0;
        int slowResumes = 0;
        // one pause and resume first, not measured: the first request of a kind also pays for class loading and the JIT
        for (int i = -1; i < pauses; i++) {
            if (speed > 0 && !backToSpeed(simulator, speed)) {
                slowResumes++;
            }
            Thread.sleep(RUNNING_MILLIS);
            long requested = System.currentTimeMillis();
            ApiClient.Response paused = api.postJson("/api/v1/batches/" + id + "/pause", Map.of("reason", "benchmark"));
            if (paused.status() != 202) {
                System.out.printf(Locale.ROOT, "pause %d refused (%s): the batch was delivered before every pause was made%n",
                        i + 1, paused.json().get("state").asText());
                break;
            }
            Watch watch = watch(simulator, requested);
            if (i >= 0) {
                latencies.add(watch.lastAccepted() == 0 ? 0 : Math.max(0, watch.lastAccepted() - requested));
                neverQuiet += watch.quiet() ? 0 : 1;
            }
            require(api.postJson("/api/v1/batches/" + id + "/resume", Map.of()), "resume");
        }
        api.postJson("/api/v1/batches/" + id + "/abort", Map.of("reason", "benchmark done"));
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%n=== %s: %d pauses of batch %d %s ===%n", title, sorted.size(), id, where);
        System.out.printf(Locale.ROOT, "pause to last submit  p50 %d ms, p99 %d ms, max %d ms (all: %s)%n",
                percentile(sorted, 50), percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), latencies);
        System.out.printf(Locale.ROOT, "watch after a pause   until %d ms without a submit (at most %d ms): %s%n",
                QUIET_MILLIS, WATCH_LIMIT_MILLIS, neverQuiet == 0 ? "every pause went quiet"
                        : neverQuiet + " pause(s) still submitting at the limit: DELIVERY DID NOT STOP");
        if (speed > 0) {
            System.out.printf(Locale.ROOT, "before each pause      the resume waited for %.0f msg/s (half the run's rate): %s%n",
                    speed / 2, slowResumes == 0 ? "every resume reached it" : slowResumes + " resume(s) did not within "
                            + SPEED_LIMIT_MILLIS / 1000 + " s (those pauses met delivery below speed)");
        }
    }

    /** Whether the simulator accepts half of {@code speed} (msg/s) again within {@link #SPEED_LIMIT_MILLIS}. */
    private static boolean backToSpeed(SimulatorProcess simulator, double speed) throws Exception {
        long deadline = System.currentTimeMillis() + SPEED_LIMIT_MILLIS;
        long before = simulator.count().accepted();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(SPEED_SAMPLE_MILLIS);
            long now = simulator.count().accepted();
            if ((now - before) * 1000.0 / SPEED_SAMPLE_MILLIS >= speed / 2) {
                return true;
            }
            before = now;
        }
        return false;
    }

    private record Watch(long lastAccepted, boolean quiet) {
    }

    /** Polls the simulator until it has been quiet for {@link #QUIET_MILLIS} since the later of the request and its last submit. */
    private static Watch watch(SimulatorProcess simulator, long requested) throws Exception {
        while (true) {
            long last = simulator.lastAcceptedAfter(requested);
            long now = System.currentTimeMillis();
            if (now - Math.max(last, requested) >= QUIET_MILLIS) {
                return new Watch(last, true);
            }
            if (now - requested >= WATCH_LIMIT_MILLIS) {
                return new Watch(last, false);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void require(ApiClient.Response response, String action) {
        if (response.status() != 202) {
            throw new IllegalStateException(action + " refused: " + response);
        }
    }
}
