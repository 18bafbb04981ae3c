package org.smsengine.bench;

import java.util.Locale;

/**
 * The consent figures, in {@link Report}'s form, each with its target: an opt-out import of at least
 * 200,000 rows/s (upload start to DONE); delivery with a large list and STOPs coming in within 5 % of
 * the rate without them; a STOP stops its number's submits within a second (p99).
 */
final class ConsentReport {

    static final double IMPORT_ROWS_PER_SECOND = 200_000;
    static final double DELIVERY_WITHIN_PERCENT = 5;
    static final long STOP_P99_MILLIS = 1_000;

    /** What the consent run was asked for: its recipients, the list's size, the simulator's STOP share, STOPs to send. */
    record Setup(int rows, int optOuts, double stopReplyRate, int stops) {
    }

    private ConsentReport() {
    }

    static void imports(int optOuts, OptOutImport.Figures first, OptOutImport.Figures again) {
        boolean exact = first.rows() == optOuts && first.added() == optOuts && first.already() == 0 && first.invalid() == 0
                && again.rows() == optOuts && again.added() == 0 && again.already() == optOuts && again.invalid() == 0;
        System.out.printf(Locale.ROOT, "%n=== opt-out import: %,d numbers (none of any batch's), imports %d and %d ===%n",
                optOuts, first.id(), again.id());
        System.out.printf(Locale.ROOT, "import              %8.1f s   %,10.0f rows/s    target >= %,.0f rows/s: %s"
                + "   (upload start to DONE)%n", first.doneSeconds(), first.rowsPerSecond(), IMPORT_ROWS_PER_SECOND,
                Report.verdict(first.rowsPerSecond() >= IMPORT_ROWS_PER_SECOND));
        System.out.printf(Locale.ROOT, "  upload to 202     %8.1f s   (%,d bytes read, checked and staged in the request)%n",
                first.acceptedSeconds(), first.bytes());
        System.out.printf(Locale.ROOT, "  merge             %8.1f s   (202 to DONE)%n", first.doneSeconds() - first.acceptedSeconds());
        System.out.printf(Locale.ROOT, "again, same file    %8.1f s   %,10.0f rows/s    (%.1f s to 202, merge %.1f s; all already on the list)%n",
                again.doneSeconds(), again.rowsPerSecond(), again.acceptedSeconds(), again.doneSeconds() - again.acceptedSeconds());
        System.out.printf(Locale.ROOT, "heap during them    %s%n", heap(first.gc().peakUsedMb() >= again.gc().peakUsedMb() ? first.gc() : again.gc()));
        System.out.printf(Locale.ROOT, "counts              rows %,d, added %,d, already %,d, invalid %,d; again: added %,d, already %,d: %s%n",
                first.rows(), first.added(), first.already(), first.invalid(), again.added(), again.already(),
                exact ? "exact" : "NOT EXACT");
    }

    static void run(Setup setup, BatchRun plain, BatchRun run, SimulatorCount smsc, long stopsStored, StopLatency stops, GcLog gc) {
        long sent = run.count("sent");
        long suppressed = run.count("suppressed");
        double rate = sent / run.seconds("delivery");
        double plainRate = plain.count("sent") / plain.seconds("delivery");
        double change = 100.0 * (rate - plainRate) / plainRate;
        System.out.printf(Locale.ROOT, "%n=== consent: %,d new recipients, %,d numbers on the opt-out list, the simulator replying"
                + " STOP to %.1f %%, batch %d ===%n", setup.rows(), setup.optOuts(), 100 * setup.stopReplyRate(), run.batchId());
        System.out.printf(Locale.ROOT, "upload to READY     %8.1f s%n", run.toReadySeconds());
        System.out.printf(Locale.ROOT, "delivery            %8.1f s   %,10.0f msg/s     (%,d sent); without the list and STOPs %,.0f msg/s:"
                + " %+.1f %%    target within %.0f %%: %s%n", run.seconds("delivery"), rate, sent, plainRate, change,
                DELIVERY_WITHIN_PERCENT, Report.verdict(change >= -DELIVERY_WITHIN_PERCENT));
        System.out.printf(Locale.ROOT, "upload to COMPLETED %8.1f s%n", run.toCompletedSeconds());
        System.out.printf(Locale.ROOT, "suppressed          %,d: %,d by the STOPs sent below, %,d others (the list holds none of the"
                + " batch's numbers; a STOP reply comes after its number's message)%n", suppressed, stops.suppressed(),
                suppressed - stops.suppressed());
        System.out.printf(Locale.ROOT, "STOP replies        the simulator sent %,d (%.2f %% of %,d accepted) after their receipts;"
                + " the engine stored %,d STOPs during the run (expected %,d: those and the %,d sent below)%n", smsc.stopReplies(),
                100.0 * smsc.stopReplies() / Math.max(1, smsc.accepted()), smsc.accepted(), stopsStored,
                smsc.stopReplies() + stops.injected(), stops.injected());
        if (setup.stops() > 0) {
            stops(setup, stops);
        }
        System.out.printf(Locale.ROOT, "peak heap           %s%n", heap(gc));
        boolean exact = run.count("valid") == setup.rows() && run.count("prepared") == setup.rows()
                && sent + suppressed + run.count("failed") == setup.rows() && smsc.doubles() == 0;
        System.out.printf(Locale.ROOT, "counts              rows %,d, prepared %,d, sent %,d + suppressed %,d + failed %,d;"
                + " the simulator accepted %,d, %,d numbers more than one: %s%n", run.count("rows"), run.count("prepared"), sent,
                suppressed, run.count("failed"), smsc.accepted(), smsc.doubles(), exact ? "exact" : "NOT EXACT");
    }

    private static void stops(Setup setup, StopLatency stops) {
        System.out.printf(Locale.ROOT, "STOPs sent          %,d of %,d over %.1f s by POST /mo (%,d refused, %,d not found), each from"
                + " half a page behind to 1.5 pages ahead of its partition's next claim%n", stops.injected(), setup.stops(),
                stops.seconds(), stops.refused(), stops.unknown());
        System.out.printf(Locale.ROOT, "  their messages    %,d suppressed, %,d submitted after the STOP was stored, %,d sent before it was"
                + " stored (the page got there first: not ahead, left out)%n", stops.suppressed(), stops.submittedAfter(),
                stops.sentBefore());
        boolean met = !stops.latencies().isEmpty() && stops.percentile(99) <= STOP_P99_MILLIS;
        System.out.printf(Locale.ROOT, "STOP to last submit p50 %d ms, p99 %d ms, max %d ms (of %,d numbers ahead; 0 when suppressed)"
                + "    target p99 <= %,d ms: %s%n", stops.percentile(50), stops.percentile(99), stops.max(), stops.latencies().size(),
                STOP_P99_MILLIS, stops.latencies().isEmpty() ? "n/a (no number was ahead)" : Report.verdict(met));
    }

    private static String heap(GcLog gc) {
        return gc.pauses() == 0 ? "no GC pause in this phase"
                : String.format(Locale.ROOT, "%d MB used before a GC, %d MB live after one (heap %d MB, %d pauses)",
                        gc.peakUsedMb(), gc.peakAfterGcMb(), gc.heapMb(), gc.pauses());
    }
}
