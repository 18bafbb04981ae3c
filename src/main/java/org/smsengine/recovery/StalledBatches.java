package org.smsengine.recovery;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.pipeline.JobHandovers;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last net under the engine's promise that a batch never waits in a working state with nothing
 * running for it: every {@code check-interval}, on one node (ShedLock), a batch that is CREATED, PREPARING
 * or DELIVERING with no job running (none launched: its state committed and its node could not launch
 * it; or its last execution ended without the lifecycle hearing of it, or UNKNOWN) is continued by the
 * first node to look, as a stopping node's batch is: its execution ended FAILED if it is UNKNOWN, its
 * messages in doubt settled. A batch found so three times in an hour is not continued again but paused
 * for an operator, with the reason. Batches lost with their node are {@link LostJobRecovery}'s.
 */
@Component
class StalledBatches {

    static final String STALLED = "stalled: ";
    private static final Logger log = LoggerFactory.getLogger(StalledBatches.class);
    private static final int MAX_STALLS_AN_HOUR = 3;

    private final RecoveryMapper recovery;
    private final UnfinishedJobs unfinished;
    private final JobHandovers handovers;
    private final BatchLifecycle lifecycle;
    private final JobExplorer explorer;
    private final TransactionTemplate transaction;
    private final Duration grace;

    StalledBatches(RecoveryMapper recovery, UnfinishedJobs unfinished, JobHandovers handovers, BatchLifecycle lifecycle,
            JobExplorer explorer, TransactionTemplate transaction, RecoverySettings settings) {
        this.recovery = recovery;
        this.unfinished = unfinished;
        this.handovers = handovers;
        this.lifecycle = lifecycle;
        this.explorer = explorer;
        this.transaction = transaction;
        this.grace = settings.nodeTimeout();
    }

    @Scheduled(initialDelayString = "#{@recoverySettings.checkInterval}", fixedDelayString = "#{@recoverySettings.checkInterval}")
    @SchedulerLock(name = "stalled-batches", lockAtMostFor = "30s")
    public void sweep() {
        List<RecoveryMapper.StalledBatch> stalled = recovery.findStalled(grace.toMillis());
        for (RecoveryMapper.StalledBatch batch : stalled) {
            try {
                if (endedLongEnoughAgo(batch)) {
                    unstick(batch);
                }
            } catch (RuntimeException e) {
                log.warn("Batch {}: could not continue it after its job stalled: {}", batch.batchId(), e.toString());
            }
        }
    }

    /**
     * An execution that has just ended is being told to the lifecycle by its node this moment (prepared,
     * delivered, failed): left alone until the grace has passed since its end.
     */
    private boolean endedLongEnoughAgo(RecoveryMapper.StalledBatch batch) {
        if (batch.jobExecutionId() == null) {
            return true;
        }
        JobExecution execution = explorer.getJobExecution(batch.jobExecutionId());
        if (execution == null) {
            return true;
        }
        LocalDateTime ended = execution.getEndTime() != null ? execution.getEndTime() : execution.getLastUpdated();
        return ended == null || ended.isBefore(LocalDateTime.now().minus(grace));
    }

    private void unstick(RecoveryMapper.StalledBatch batch) {
        long batchId = batch.batchId();
        if (batch.jobExecutionId() != null && recovery.countLivePartitions(batch.jobExecutionId(), grace.toMillis()) > 0) {
            return;     // its partitions still run on live nodes (through the broker): not stalled
        }
        String what = batch.jobExecutionId() == null ? "no job was launched for it"
                : "its job (execution " + batch.jobExecutionId() + ") ended " + batch.executionStatus()
                        + " and nothing went on from there";
        Integer inDoubt = transaction.execute(status -> {
            if (batch.jobExecutionId() != null) {
                unfinished.fail(batch.jobExecutionId(), STALLED + what);
            }
            return unfinished.settleInDoubt(batchId);
        });
        String reason = STALLED + batch.state() + " since " + batch.updatedAt() + ", " + what + "; "
                + unfinished.inDoubtOutcome(inDoubt);
        int stalls = recovery.countRecentStalls(batchId);
        if (stalls < MAX_STALLS_AN_HOUR) {
            if (handovers.handOver(batchId, reason)) {
                log.warn("Batch {}: {}; it is continued", batchId, reason);
            }
        } else {
            log.warn("Batch {}: {}; it stalled {} times within an hour and is paused for an operator", batchId, reason, stalls);
            lifecycle.notify(batchId, "interrupted", reason + "; it stalled " + stalls
                    + " times within an hour: resume it to continue", null);
        }
    }
}
