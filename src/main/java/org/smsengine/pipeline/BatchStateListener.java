package org.smsengine.pipeline;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.system.FailureText;
import org.smsengine.system.LogText;
import org.smsengine.system.NodeIdentity;
import org.smsengine.system.Outages;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the lifecycle where the batch's job has got to, as its own events: preparation started,
 * prepared (the job stopped to wait for start), delivered (completed), a step failed. A job that ended
 * because the database (or another service it stands on) was away did not fail: that is
 * {@link BatchJobInterrupted}, for recovery. An operator's
 * event that came first stands: a job that starts for a batch no longer meant to run (paused,
 * aborted) stops at once. On a node that is stopping a job stops at once too, and a job that
 * stopped there (not paused by anyone) is handed over, for another node to continue.
 */
@Component
class BatchStateListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(BatchStateListener.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final BatchMapper batches;
    private final ObjectProvider<BatchLifecycle> lifecycle;
    private final NodeIdentity node;
    private final StopSignals signals;
    private final ApplicationEventPublisher events;
    private final JobHandovers handovers;
    private final Outages outages;

    BatchStateListener(BatchMapper batches, ObjectProvider<BatchLifecycle> lifecycle, NodeIdentity node,
            StopSignals signals, ApplicationEventPublisher events, JobHandovers handovers, Outages outages) {
        this.outages = outages;
        this.batches = batches;
        this.lifecycle = lifecycle;
        this.node = node;
        this.signals = signals;
        this.events = events;
        this.handovers = handovers;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long batchId = BatchJobs.batchIdOf(execution);
        batches.recordJob(batchId, execution.getId(), node.id());
        if (signals.nodeStopping()) {
            // a job queued behind others, or continued as the node began to stop: it starts elsewhere
            log.info("Batch {}: this node is stopping; its job stops before its first step", batchId);
            execution.setStatus(BatchStatus.STOPPING);
            return;
        }
        BatchRow batch = batches.find(batchId).orElseThrow();
        if (batch.state() == BatchState.CREATED) {
            batch = lifecycle.getObject().notify(batchId, "preparation_started", null, null).orElse(batch);
        }
        if (batch.state() != BatchState.PREPARING && batch.state() != BatchState.DELIVERING) {
            log.info("Batch {} is {}: its job stops before its first step", batchId, batch.state());
            execution.setStatus(BatchStatus.STOPPING);
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        long batchId = BatchJobs.batchIdOf(execution);
        BatchStatus status = execution.getStatus();
        BatchLifecycle batchLifecycle = lifecycle.getObject();
        Optional<BatchJobInterrupted> interrupted = signals.gaveUp() ? Optional.empty()
                : BatchJobInterrupted.of(execution, outages);
        if (signals.gaveUp()) {
            // the node's shutdown ended this execution in the repository and handed the batch over: not ours to tell
            log.info("Batch {}: its job ended {} after this node gave it up", batchId, status);
        } else if (status == BatchStatus.STOPPED && stoppedToWaitForStart(execution)) {
            events.publishEvent(new BatchPrepared(batchId));
            batchLifecycle.notify(batchId, "prepared", null, null);
        } else if (status == BatchStatus.COMPLETED) {
            batchLifecycle.notify(batchId, "delivered", null, null);
        } else if (interrupted.isPresent()) {
            // not the batch's failure: recovery continues it once the database answers, or pauses it past the patience
            log.warn("Batch {}: its job (execution {}) ended {} because the {} could not be reached{}", batchId,
                    execution.getId(), status, interrupted.get().service(),
                    interrupted.get().pastPatience() ? " for longer than sms.outage.patience" : "");
            // what Spring Batch records right after this listener: FAILED, which a restart continues, not UNKNOWN
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted: the " + interrupted.get().service()
                    + " could not be reached"));
            events.publishEvent(interrupted.get());
        } else if (status == BatchStatus.FAILED) {
            batchLifecycle.notify(batchId, "step_failed", null, failureOf(execution));
        } else if (status == BatchStatus.STOPPED && signals.nodeStopping()) {
            handovers.handOver(batchId, "node " + node.id() + " stopped; its job stopped at a chunk boundary");
        }
        signals.clear(batchId);
        events.publishEvent(new BatchJobEnded(batchId));
    }

    /** Stopped by the flow at the wait for start, not by a stop request: every step that ran completed. */
    static boolean stoppedToWaitForStart(JobExecution execution) {
        return execution.getStatus() == BatchStatus.STOPPED && !execution.getStepExecutions().isEmpty()
                && execution.getStepExecutions().stream().allMatch(step -> step.getStatus() == BatchStatus.COMPLETED);
    }

    /**
     * The failure an operator can act on: a step's own (a partition's, rather than the manager's
     * "unsuccessful step"), down to its root cause. Stored on the batch, where every role reads it,
     * so it says only what {@link FailureText#forUsers} allows; the log has the detail.
     */
    static String failureOf(JobExecution execution) {
        Throwable failure = execution.getStepExecutions().stream()
                .flatMap(step -> step.getFailureExceptions().stream())
                .filter(e -> !(e instanceof JobExecutionException))
                .findFirst()
                .or(() -> execution.getAllFailureExceptions().stream().findFirst())
                .orElse(null);
        long batchId = BatchJobs.batchIdOf(execution);
        if (failure == null) {
            log.warn("The job of batch {} (execution {}) failed: {}", batchId, execution.getId(),
                    LogText.escape(execution.getExitStatus().getExitDescription()));
            return "The job failed; the engine log has its detail (job execution " + execution.getId() + ")";
        }
        log.warn("The job of batch {} (execution {}) failed: {}", batchId, execution.getId(), FailureText.forLog(failure));
        String reason = FailureText.forUsers(failure, "job execution " + execution.getId());
        return reason.length() <= MAX_ERROR_LENGTH ? reason : reason.substring(0, MAX_ERROR_LENGTH);
    }
}
