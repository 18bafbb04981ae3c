package org.smsengine.recovery;

import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchState;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.pipeline.BatchJobEnded;
import org.smsengine.pipeline.JobControl;
import org.smsengine.pipeline.JobHandovers;
import org.smsengine.system.NodeIdentity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds jobs left running by a node that died (no heartbeat for {@code nodeTimeout}) — without
 * this Spring Batch would show them STARTED forever and refuse to restart them — ends them
 * ({@link UnfinishedJobs}: their messages in doubt are dealt with by the in-doubt policy) and hands
 * them over: the first node to look continues the job from its last commit, as it continues a
 * stopping node's, and the batch never waits for an operator because a machine died. A batch whose
 * job was lost more than {@code sms.recovery.continue-lost} times (one that takes its nodes down
 * with it) moves instead, through the lifecycle, to DELIVERY_PAUSED or PREPARATION_PAUSED with the
 * reason, for an operator. A job that was only queued on the lost node (its batch still CREATED) had
 * done nothing: it is handed over too, and another node starts it at once. Runs at start-up and every
 * {@code checkInterval}, on one node at a time (ShedLock). A lost job whose partitions still run
 * on live nodes (through the broker) is stopped first, and ended once they have stopped.
 */
@Component
public class LostJobRecovery {

    private static final Logger log = LoggerFactory.getLogger(LostJobRecovery.class);

    private final RecoveryMapper recovery;
    private final UnfinishedJobs unfinished;
    private final BatchMapper batches;
    private final BatchLifecycle lifecycle;
    private final JobHandovers handovers;
    private final JobControl jobs;
    private final NodeIdentity node;
    private final RecoverySettings settings;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    LostJobRecovery(RecoveryMapper recovery, UnfinishedJobs unfinished, BatchMapper batches, BatchLifecycle lifecycle,
            JobHandovers handovers, JobControl jobs, NodeIdentity node, RecoverySettings settings,
            TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.recovery = recovery;
        this.unfinished = unfinished;
        this.batches = batches;
        this.lifecycle = lifecycle;
        this.handovers = handovers;
        this.jobs = jobs;
        this.node = node;
        this.settings = settings;
        this.transaction = transaction;
        this.events = events;
    }

    /**
     * Recovers every lost job (ShedLock cannot lock a method that returns a value: the log tells how many). A
     * node that dies during a check leaves the lock held until {@code lockAtMostFor}: 30 s, not the default 5
     * minutes, during which no node would recover anything (a pass takes milliseconds; one that ran past 30 s
     * and met another node's would be harmless, as every step of a recovery is conditional on the job's state).
     */
    @Scheduled(initialDelayString = "#{@recoverySettings.checkInterval}", fixedDelayString = "#{@recoverySettings.checkInterval}")
    @SchedulerLock(name = "lost-job-recovery", lockAtMostFor = "30s")
    public void recoverLostJobs() {
        List<RecoveryMapper.LostJob> lost = recovery.findLostJobs(node.id(), settings.nodeTimeout().toMillis());
        int recovered = 0;
        for (RecoveryMapper.LostJob job : lost) {
            try {
                recovered += recover(job) ? 1 : 0;
            } catch (RuntimeException e) {
                log.error("Could not recover the lost job of batch {}", job.batchId(), e);
            }
        }
        recovery.forgetDeadClaims(settings.nodeTimeout().toMillis());
        recovery.forgetOldNodes();
        if (recovered > 0) {
            log.warn("Recovered {} job(s) lost with their node", recovered);
        }
    }

    private boolean recover(RecoveryMapper.LostJob job) {
        String lostNode = "node lost: " + job.jobNode();
        int stillRunning = recovery.countLivePartitions(job.jobExecutionId(), settings.nodeTimeout().toMillis());
        if (stillRunning > 0) {
            // its partitions on other nodes stop first (at their next submit, or chunk boundary); a later check ends it
            batches.find(job.batchId()).ifPresent(jobs::stop);
            log.warn("Batch {}: its job's node {} was lost; {} of its partitions still run on other nodes and are "
                    + "being stopped first", job.batchId(), job.jobNode(), stillRunning);
            return false;
        }
        int[] lostTimes = new int[1];
        Integer inDoubt = transaction.execute(status -> {
            if (!unfinished.fail(job.jobExecutionId(), lostNode)) {
                return null;    // no longer running: another node recovered it, or it ended after all
            }
            lostTimes[0] = recovery.countLostExecutions(job.jobExecutionId());
            return unfinished.settleInDoubt(job.batchId());
        });
        if (inDoubt == null) {
            return false;
        }
        if (batches.find(job.batchId()).map(batch -> batch.state() == BatchState.CREATED).orElse(false)) {
            handovers.handOver(job.batchId(), job.jobNode(), "queued on node " + job.jobNode()
                    + ", which was lost before the job started");
        } else {
            String reason = lostNode + "; " + unfinished.inDoubtOutcome(inDoubt);
            if (lostTimes[0] <= settings.continueLost() && handovers.handOver(job.batchId(), job.jobNode(), reason)) {
                log.warn("Batch {}: its job (execution {}) was lost with {}; another node continues it", job.batchId(),
                        job.jobExecutionId(), reason);
            } else {
                // lost too often (or an operator paused it meanwhile): an operator judges
                String paused = lostTimes[0] > settings.continueLost() && settings.continueLost() > 0
                        ? reason + "; lost with its node " + lostTimes[0] + " times, not continued again" : reason;
                log.warn("Batch {}: its job (execution {}) was lost with {}", job.batchId(), job.jobExecutionId(), paused);
                lifecycle.notify(job.batchId(), "node_lost", paused, null);
            }
        }
        events.publishEvent(new BatchJobEnded(job.batchId()));
        return true;
    }
}
