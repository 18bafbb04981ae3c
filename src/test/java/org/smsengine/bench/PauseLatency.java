package org.smsengine.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
 * {@code submit_sm} the simulator accepted after it (to 10 ms). One pause before them is not
 * measured (the engine's first pause request loads classes). The batch is aborted at the end.
 */
final class PauseLatency {

    /** Delivery runs this long before each pause, so every pause meets it at full speed. */
    private static final long RUNNING_MILLIS = 700;
    /** How long to watch for submissions after a pause. */
    private static final long WATCH_MILLIS = 800;

    private PauseLatency() {
    }

    static void measure(EngineProcess engine, EngineDatabase database, SimulatorProcess simulator, Path csv, int pauses)
            throws Exception {
        ApiClient api = new ApiClient(engine.baseUrl(), EngineProcess.USER, EngineProcess.PASSWORD);
        long id = Benchmark.upload(engine, csv, null);
        new BatchWatch(api, database, id, "pause batch " + id).awaitState("READY", Duration.ofMinutes(10));
        require(api.postJson("/api/v1/batches/" + id + "/start", Map.of()), "start");
        List<Long> latencies = new ArrayList<>();
        // one pause and resume first, not measured: the first request of a kind also pays for class loading and the JIT
        for (int i = -1; i < pauses; i++) {
            Thread.sleep(RUNNING_MILLIS);
            long requested = System.currentTimeMillis();
            ApiClient.Response paused = api.postJson("/api/v1/batches/" + id + "/pause", Map.of("reason", "benchmark"));
            if (paused.status() != 202) {
                System.out.printf(Locale.ROOT, "pause %d refused (%s): the batch was delivered before every pause was made%n",
                        i + 1, paused.json().get("state").asText());
                break;
            }
            Thread.sleep(WATCH_MILLIS);
            JsonNode accounting = simulator.accounting(requested, System.currentTimeMillis());
            long last = accounting.get("lastAcceptedAt").asLong();
            if (i >= 0) {
                latencies.add(last == 0 ? 0 : Math.max(0, last - requested));
            }
            require(api.postJson("/api/v1/batches/" + id + "/resume", Map.of()), "resume");
        }
        api.postJson("/api/v1/batches/" + id + "/abort", Map.of("reason", "benchmark done"));
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%n=== pause latency: %d pauses of batch %d at full speed ===%n", sorted.size(), id);
        System.out.printf(Locale.ROOT, "pause to last submit  p50 %d ms, p99 %d ms, max %d ms (all: %s)%n",
                percentile(sorted, 50), percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), latencies);
    }

    private static long percentile(List<Long> sorted, int p) {
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
