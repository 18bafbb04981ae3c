package org.smsengine.bench;

import java.util.Locale;

/**
 * The figures of a run, as docs/benchmarks.md quotes them, each rate with the target it is held to
 * (PASS or MISS beside it): validation at least 50,000 rows/s, preparation at least 100,000 rows/s,
 * 1,000,000 recipients from upload to COMPLETED within 3 minutes, all in a 512 MB heap. Rates are
 * of what each step did: validation of the file's rows, preparation of the messages it wrote,
 * delivery of the messages the provider accepted ({@code counts.sent}).
 */
final class Report {

    static final double VALIDATION_ROWS_PER_SECOND = 50_000;
    static final double PREPARATION_ROWS_PER_SECOND = 100_000;
    static final int END_TO_END_ROWS = 1_000_000;
    static final double END_TO_END_SECONDS = 180;
    static final long HEAP_MB = 512;

    /** What the measured batch ran on: its size, the engine's heap, the warm-up, the server and the history in it. */
    record Setup(int rows, String heap, int warmup, EngineDatabase.Server server, String database, String history) {
    }

    private Report() {
    }

    static void measured(Setup setup, BatchRun run, GcLog gc, SimulatorCount smsc) {
        long rows = run.count("rows");
        long prepared = run.count("prepared");
        long sent = run.count("sent");
        boolean exact = rows == setup.rows() && run.count("valid") == setup.rows() && prepared == setup.rows();
        System.out.printf(Locale.ROOT, "%n=== sms-engine benchmark: %,d recipients, heap %s, batch %d (%s) ===%n",
                setup.rows(), setup.heap(), run.batchId(), setup.warmup() == 0 ? "no warm-up"
                        : String.format(Locale.ROOT, "after a %,d-row warm-up", setup.warmup()));
        System.out.printf(Locale.ROOT, "database            %s (%s)%n", setup.server().describe(), setup.database());
        if (!setup.server().autovacuum()) {
            System.out.println("WARNING             autovacuum is OFF on this server: statistics never change behind the engine's"
                    + " back, so these are NOT the figures of a stock PostgreSQL");
        }
        System.out.printf(Locale.ROOT, "history             %s%n", setup.history());
        int providers = Integer.getInteger("bench.providers", 1);
        System.out.printf(Locale.ROOT, "providers           %s%n", providers == 1 ? "one (no route rules)" : providers
                + " behind three route rules (a prefix by priority, a country weighted 8:3:4, the rest least cost), all bound to"
                + " the simulator, " + Benchmark.sessions() + " sessions in all (bench.providers)");
        System.out.printf(Locale.ROOT, "upload              %8.1f s   (%,d bytes, %.1f MB/s)%n", run.uploadSeconds(),
                run.uploadBytes(), run.uploadBytes() / 1e6 / run.uploadSeconds());
        double validation = rows / run.seconds("validation");
        System.out.printf(Locale.ROOT, "validation          %8.1f s   %,10.0f rows/s    target >= %,.0f rows/s: %s%n",
                run.seconds("validation"), validation, VALIDATION_ROWS_PER_SECOND, verdict(validation >= VALIDATION_ROWS_PER_SECOND));
        System.out.printf(Locale.ROOT, "  rows checked      %8.1f s%n", run.seconds("validation-rows"));
        System.out.printf(Locale.ROOT, "  screening         %8.1f s   (opt-outs and duplicates)%n", run.seconds("validation-screening"));
        System.out.printf(Locale.ROOT, "partition           %8.1f s%n", run.seconds("partition"));
        double preparation = prepared / run.seconds("preparation");
        System.out.printf(Locale.ROOT, "preparation         %8.1f s   %,10.0f rows/s    target >= %,.0f rows/s: %s%n",
                run.seconds("preparation"), preparation, PREPARATION_ROWS_PER_SECOND,
                verdict(preparation >= PREPARATION_ROWS_PER_SECOND));
        System.out.printf(Locale.ROOT, "upload to READY     %8.1f s%n", run.toReadySeconds());
        System.out.printf(Locale.ROOT, "delivery            %8.1f s   %,10.0f msg/s     (%,d sent; unthrottled simulator, receipts on)%n",
                run.seconds("delivery"), sent / run.seconds("delivery"), sent);
        System.out.printf(Locale.ROOT, "statistics          %8.1f s%n", run.seconds("statistics"));
        System.out.printf(Locale.ROOT, "upload to COMPLETED %8.1f s                  %s%n", run.toCompletedSeconds(), endToEnd(setup.rows(), run));
        System.out.printf(Locale.ROOT, "delivery counts     sent %,d, delivered %,d, failed %,d; the simulator accepted %,d submit_sm"
                + " for this batch (%,d refused), %,d of its numbers got more than one%n", sent, run.count("delivered"),
                run.count("failed"), smsc.accepted(), smsc.refused(), smsc.doubles());
        boolean heapHeld = gc.heapMb() <= HEAP_MB && EngineProcess.heapMb(setup.heap()) <= HEAP_MB;
        System.out.printf(Locale.ROOT, "peak heap           %8d MB used before a GC, %d MB live after one (heap %d MB, %d pauses)"
                + "    target %d MB heap: %s%n", gc.peakUsedMb(), gc.peakAfterGcMb(), gc.heapMb(), gc.pauses(), HEAP_MB,
                verdict(heapHeld));
        System.out.printf(Locale.ROOT, "counts              rows %,d, valid %,d, prepared %,d, segments %,d: %s%n",
                rows, run.count("valid"), prepared, run.batch().get("segments").asLong(), exact ? "exact" : "NOT EXACT");
    }

    static void capped(int tps, BatchRun run, SimulatorCount smsc, long busiestSecond) {
        long sent = run.count("sent");
        double rate = sent / run.seconds("delivery");
        System.out.printf(Locale.ROOT, "%n=== capped: %,d messages to the simulator capped at %d TPS (batch tps %d) ===%n",
                sent, tps, tps);
        System.out.printf(Locale.ROOT, "delivery            %8.1f s   %8.1f msg/s achieved (%+.1f%% of %d); busiest second %d;"
                + " accepted %,d, refused by the cap %d%n", run.seconds("delivery"), rate, 100.0 * (rate - tps) / tps, tps,
                busiestSecond, smsc.accepted(), smsc.refused());
    }

    private static String endToEnd(int rows, BatchRun run) {
        if (rows != END_TO_END_ROWS) {
            return String.format(Locale.ROOT, "target <= %.0f s holds for %,d rows: n/a at %,d", END_TO_END_SECONDS, END_TO_END_ROWS, rows);
        }
        return String.format(Locale.ROOT, "target <= %.0f s: %s", END_TO_END_SECONDS, verdict(run.toCompletedSeconds() <= END_TO_END_SECONDS));
    }

    static String verdict(boolean met) {
        return met ? "PASS" : "MISS";
    }
}
