package org.smsengine.recovery;

import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchMapper;
import org.smsengine.delivery.DeliveryMapper;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.pipeline.BatchJobEnded;
import org.smsengine.system.NodeIdentity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds jobs left running by a node that died (no heartbeat for {@code nodeTimeout}) — without
 * this Spring Batch would show them STARTED forever and refuse to restart them — and makes their
 * batches resumable: the execution and its unfinished steps end FAILED (so a restart continues
 * from their last commit), messages left SENDING are dealt with by the in-doubt policy and counted
 * on the batch, and the batch moves, through the lifecycle, to DELIVERY_PAUSED or
 * PREPARATION_PAUSED with the reason. Runs at start-up and every {@code checkInterval}, on one node
 * at a time (ShedLock).
 */
@Component
public class LostJobRecovery {

    private static final Logger log = LoggerFactory.getLogger(LostJobRecovery.class);

    private final RecoveryMapper recovery;
    private final DeliveryMapper deliveries;
    private final BatchMapper batches;
    private final BatchLifecycle lifecycle;
    private final NodeIdentity node;
    private final RecoverySettings settings;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    LostJobRecovery(RecoveryMapper recovery, DeliveryMapper deliveries, BatchMapper batches, BatchLifecycle lifecycle,
            NodeIdentity node, RecoverySettings settings, TransactionTemplate transaction,
            ApplicationEventPublisher events) {
        this.recovery = recovery;
        this.deliveries = deliveries;
        this.batches = batches;
        this.lifecycle = lifecycle;
        this.node = node;
        this.settings = settings;
        this.transaction = transaction;
        this.events = events;
    }

    /** Recovers every lost job (ShedLock cannot lock a method that returns a value: the log tells how many). */
    @Scheduled(initialDelayString = "${sms.recovery.check-interval:15s}", fixedDelayString = "${sms.recovery.check-interval:15s}")
    @SchedulerLock(name = "lost-job-recovery", lockAtMostFor = "5m")
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
        recovery.forgetOldNodes();
        if (recovered > 0) {
            log.warn("Recovered {} job(s) lost with their node", recovered);
        }
    }

    private boolean recover(RecoveryMapper.LostJob job) {
        String lostNode = "node lost: " + job.jobNode();
        boolean resend = settings.inDoubt() == RecoverySettings.InDoubtPolicy.RESEND;
        Integer inDoubt = transaction.execute(status -> {
            if (recovery.failJob(job.jobExecutionId(), lostNode) == 0) {
                return null;    // no longer running: another node recovered it, or it ended after all
            }
            recovery.failSteps(job.jobExecutionId(), lostNode);
            int messages = deliveries.recoverInDoubt(job.batchId(), resend);
            batches.addCounts(job.batchId(), BatchCounts.inDoubt(messages));
            return messages;
        });
        if (inDoubt == null) {
            return false;
        }
        String reason = lostNode + "; " + inDoubt + " messages were being submitted"
                + (inDoubt == 0 ? "" : resend ? " and will be sent again" : " and are UNKNOWN");
        log.warn("Batch {}: its job (execution {}) was lost with {}", job.batchId(), job.jobExecutionId(), reason);
        lifecycle.notify(job.batchId(), "node_lost", reason, null);
        events.publishEvent(new BatchJobEnded(job.batchId()));
        return true;
    }
}
