package org.smsengine.batch;

/**
 * Which slot of a batch's counters ({@code sms_batch_tally}) a writer adds to: writers that run at the same
 * time for one batch use different slots, so none waits for another's commit (see
 * {@link BatchMapper#addCounts(long, int, BatchCounts, long, long, java.math.BigDecimal)}).
 */
public final class CounterSlots {

    /** Steps that run alone for their batch (validation, screening) and recovery's in-doubt counts. */
    public static final int BATCH = Integer.MIN_VALUE;
    /** What a batch's test-sends cost (review): their messages are not the batch's, so only the cost. */
    public static final int TEST_SENDS = Integer.MIN_VALUE + 1;

    private CounterSlots() {
    }

    /** A partition's own writes: its prepared messages, the outcomes of its submits, what its screen suppressed. */
    public static int partition(int partitionNo) {
        return partitionNo;
    }

    /** Receipts for a partition's messages, applied on whichever node they reach. */
    public static int receipts(int partitionNo) {
        return -1 - partitionNo;
    }
}
