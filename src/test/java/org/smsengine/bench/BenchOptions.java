package org.smsengine.bench;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The benchmark's options, from {@code -Dbench.*} (the {@code benchmark} profile of the pom passes
 * them on): what is measured, on how much history, and the runs after the measured one.
 *
 * @param rowCounts      {@code bench.rows}: the measured batch's recipients; a comma list runs several
 * @param heap           {@code bench.heap}: the engine's {@code -Xmx}
 * @param warmup         {@code bench.warmup}: rows of the unmeasured batch before it (0: none)
 * @param history        {@code bench.history}: recipients of earlier, finished batches written first (0: none)
 * @param historyBatches {@code bench.historyBatches}: in how many batches (0: about 100,000 recipients each)
 * @param pauses         {@code bench.pauses}: pauses of the pause-latency run (0: no run)
 * @param cappedTps      {@code bench.cappedTps}: the capped simulator's limit (0: no capped run)
 * @param cappedSeconds  {@code bench.cappedSeconds}: how long the capped run delivers
 * @param consent        {@code bench.consent}: the consent run (opt-out import, a batch to new numbers with STOPs); false: none
 * @param optOuts        {@code bench.optOuts}: numbers imported onto the opt-out list before it (0: no import)
 * @param stopReplyRate  {@code bench.stopReplyRate}: share of its recipients the simulator makes reply STOP
 * @param stops          {@code bench.stops}: STOPs injected into numbers ahead of its delivery (0: none)
 * @param limiterOnly    {@code bench.limiterOnly}: run only the cluster-wide limiter's accuracy ({@link LimiterRun})
 * @param limiterTps     {@code bench.limiterTps}: the limit the limiter's nodes share
 * @param limiterSeconds {@code bench.limiterSeconds}: how long they pace (0: no limiter run)
 */
record BenchOptions(int[] rowCounts, String heap, int warmup, long history, int historyBatches, int pauses,
        int cappedTps, int cappedSeconds, boolean consent, int optOuts, double stopReplyRate, int stops, boolean limiterOnly,
        int limiterTps, int limiterSeconds, Path workDir, Path jar) {

    static BenchOptions fromSystemProperties() {
        return new BenchOptions(
                Arrays.stream(System.getProperty("bench.rows", "1000000").split(",")).map(String::strip)
                        .mapToInt(Integer::parseInt).toArray(),
                System.getProperty("bench.heap", "512m"),
                Integer.getInteger("bench.warmup", 200_000),
                Long.getLong("bench.history", 5_000_000L),
                Integer.getInteger("bench.historyBatches", 0),
                Integer.getInteger("bench.pauses", 20),
                Integer.getInteger("bench.cappedTps", 500),
                Integer.getInteger("bench.cappedSeconds", 60),
                Boolean.parseBoolean(System.getProperty("bench.consent", "true")),
                Integer.getInteger("bench.optOuts", 1_000_000),
                Double.parseDouble(System.getProperty("bench.stopReplyRate", "0.01")),
                Integer.getInteger("bench.stops", 1_000),
                Boolean.parseBoolean(System.getProperty("bench.limiterOnly", "false")),
                Integer.getInteger("bench.limiterTps", 500),
                Integer.getInteger("bench.limiterSeconds", 20),
                Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath(),
                Path.of(System.getProperty("bench.jar", "target/sms-engine.jar")).toAbsolutePath());
    }
}
