package org.smsengine.recovery;

import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.CounterSlots;
import org.smsengine.delivery.DeliveryMapper;
import org.springframework.stereotype.Component;

/**
 * What is done for a job that will not end by itself (its node was lost, or gave it up at the end
 * of its shutdown), in the caller's transaction: its execution and unfinished steps end FAILED (and
 * the claims on its partitions, when they ran on several nodes, are gone), so
 * a restart continues from their last commit instead of Spring Batch showing them STARTED forever;
 * messages left SENDING are in doubt, dealt with by the in-doubt policy and counted on the batch.
 */
@Component
public class UnfinishedJobs {

    private final RecoveryMapper recovery;
    private final DeliveryMapper deliveries;
    private final BatchMapper batches;
    private final RecoverySettings settings;

    UnfinishedJobs(RecoveryMapper recovery, DeliveryMapper deliveries, BatchMapper batches, RecoverySettings settings) {
        this.recovery = recovery;
        this.deliveries = deliveries;
        this.batches = batches;
        this.settings = settings;
    }

    /** Ends the execution FAILED, with its unfinished steps; false when it was no longer running. */
    boolean fail(long jobExecutionId, String why) {
        if (recovery.failJob(jobExecutionId, why) == 0) {
            return false;
        }
        recovery.failSteps(jobExecutionId, why);
        recovery.releaseClaims(jobExecutionId);
        return true;
    }

    /**
     * Ends the execution's unfinished steps FAILED (those that could save only UNKNOWN, or nothing) while the
     * job itself is still to record its own end: a restart then runs them again from their last commit.
     */
    void failSteps(long jobExecutionId, String why) {
        recovery.failSteps(jobExecutionId, why);
        recovery.releaseClaims(jobExecutionId);
    }

    /** Applies the in-doubt policy to the batch's messages left SENDING and counts them; returns how many. */
    int settleInDoubt(long batchId) {
        return settle(batchId, null);
    }

    /**
     * The same for one delivery partition whose node was lost while the batch's job goes on (its
     * partitions ran on several nodes): the partition is about to run again elsewhere.
     */
    public int settleInDoubt(long batchId, int partitionNo) {
        return settle(batchId, partitionNo);
    }

    private int settle(long batchId, Integer partitionNo) {
        int messages = deliveries.recoverInDoubt(batchId, partitionNo, resends());
        batches.addCounts(batchId, CounterSlots.BATCH, BatchCounts.inDoubt(messages));
        return messages;
    }

    /** What became of {@code inDoubt} messages, for a reason an operator reads. */
    String inDoubtOutcome(int inDoubt) {
        return inDoubt + " messages were being submitted"
                + (inDoubt == 0 ? "" : resends() ? " and will be sent again" : " and are UNKNOWN");
    }

    private boolean resends() {
        return settings.inDoubt() == RecoverySettings.InDoubtPolicy.RESEND;
    }
}
