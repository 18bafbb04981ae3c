package org.smsengine.bench;

import java.util.Locale;
import org.smsengine.delivery.ratelimit.LimiterAccuracy;
import org.smsengine.support.TestServices;

/**
 * The cluster-wide limiter's accuracy: two limiters, as two engine nodes have them, pace one
 * provider at {@code bench.limiterTps} on the real Redis ({@code SMS_TEST_REDIS_URL} or embedded)
 * for {@code bench.limiterSeconds}, eight threads each asking for a token per submit as fast as they
 * are let. Prints each second's total, the busiest and the quietest one-second window, and the
 * share of the limit reached; PASS when no window is over 5 % above the limit.
 */
final class LimiterRun {

    private static final int NODES = 2;
    private static final int THREADS_PER_NODE = 8;

    private LimiterRun() {
    }

    static void print(BenchOptions options) throws InterruptedException {
        if (options.limiterSeconds() <= 0) {
            return;
        }
        int tps = options.limiterTps();
        System.out.printf(Locale.ROOT, "cluster-wide limiter: %d nodes sharing %d TPS on %s for %d s%n", NODES, tps,
                TestServices.redisUrl(), options.limiterSeconds());
        LimiterAccuracy.Result result = LimiterAccuracy.measure(TestServices.redisUrl(), tps, NODES,
                options.limiterSeconds(), THREADS_PER_NODE);
        System.out.printf(Locale.ROOT, "  per second (whole seconds, first and last left out): %s%n", result.perSecond());
        int max = result.perSecond().stream().mapToInt(Integer::intValue).max().orElse(0);
        int min = result.perSecond().stream().mapToInt(Integer::intValue).min().orElse(0);
        System.out.printf(Locale.ROOT, "  seconds: max %d (%.1f %% of the limit), min %d (%.1f %%)%n", max, 100.0 * max / tps,
                min, 100.0 * min / tps);
        System.out.printf(Locale.ROOT, "  sliding 1 s windows: max %d (%.1f %%), min %d (%.1f %%)   %s%n", result.maxWindow(),
                100.0 * result.maxWindow() / tps, result.minWindow(), 100.0 * result.minWindow() / tps,
                result.maxWindow() <= tps * 1.05 ? "PASS (<= 105 %)" : "MISS (> 105 %)");
        System.out.printf(Locale.ROOT, "  overall: %.1f %% of %d TPS x %d s%n", 100 * result.accuracy(), tps,
                options.limiterSeconds());
    }
}
