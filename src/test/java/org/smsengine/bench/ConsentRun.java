package org.smsengine.bench;

import java.nio.file.Path;

/**
 * The measured batch again, with consent at work: {@code bench.optOuts} numbers imported onto the
 * opt-out list first (twice: the second finds them all there), then as many new recipients as the
 * measured batch delivered to a simulator whose recipients reply STOP at {@code bench.stopReplyRate},
 * while {@link StopInjector} sends {@code bench.stops} STOPs into numbers just ahead of delivery.
 * The list holds none of the batch's numbers: what it costs is its size, in every page's screening.
 * Its delivery rate is set beside the measured batch's, which ran without them.
 */
final class ConsentRun {

    /** STOPs are spread over this share of the measured batch's delivery time, so that delivery outlasts them. */
    private static final double STOP_SPREAD = 0.8;
    /** The simulator's last STOP replies follow the last receipts; the engine has stored them within this. */
    private static final long REPLIES_SETTLE_MILLIS = 5_000;

    private ConsentRun() {
    }

    static void measure(BenchOptions options, EngineProcess engine, EngineDatabase database, BenchServices services,
            SimulatorProcess simulator, BatchRun plain, Path gcLog) throws Exception {
        Path workDir = options.workDir();
        if (options.optOuts() > 0) {
            Path list = RecipientFile.phones(workDir, options.optOuts(), Benchmark.OPT_OUT_NUMBERS);
            OptOutImport.Figures first = OptOutImport.run(engine, list, gcLog, "opt-out import");
            OptOutImport.Figures again = OptOutImport.run(engine, list, gcLog, "opt-out import again");
            ConsentReport.imports(options.optOuts(), first, again);
        }
        int rows = (int) plain.count("rows");
        Path csv = RecipientFile.create(workDir, rows, Benchmark.CONSENT_NUMBERS);
        simulator.awaitBound(Benchmark.sessions(), 120_000);
        SimulatorCount before = simulator.count();
        long stopsBefore = database.stopsStored();
        int gcFrom = GcLog.lines(gcLog);
        long spreadMillis = (long) (plain.seconds("delivery") * 1000 * STOP_SPREAD);
        StopInjector injector = new StopInjector(database, simulator, options.stops(), spreadMillis);
        BatchRun run = Benchmark.run(engine, database, csv, services, null, "consent",
                options.stops() > 0 ? injector::start : batchId -> () -> { });
        settle(database, stopsBefore, simulator, before, injector.targets().size());
        SimulatorCount smsc = simulator.count().minus(before);
        long stored = database.stopsStored() - stopsBefore;
        StopLatency stops = StopLatency.of(database, run.batchId(), injector.targets(), injector.refused());
        ConsentReport.run(new ConsentReport.Setup(rows, options.optOuts(), options.stopReplyRate(), options.stops()), plain, run, smsc, stored, stops, GcLog.read(gcLog, gcFrom));
    }

    /** Waits until the engine has stored every STOP the simulator sent (its replies and those injected), or a while. */
    private static void settle(EngineDatabase database, long storedBefore, SimulatorProcess simulator, SimulatorCount before,
            int injected) throws Exception {
        long deadline = System.currentTimeMillis() + REPLIES_SETTLE_MILLIS;
        while (database.stopsStored() - storedBefore < simulator.count().minus(before).stopReplies() + injected
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }
}
