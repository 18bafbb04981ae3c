package org.smsengine.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.progress.ProgressPublisher;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Moves the batch's state with its job. The first run prepares it: PREPARING, then READY (or
 * SCHEDULED when it has a send time) when the job stops to wait for start. The second run, after
 * {@code start}, delivers it: COMPLETED when the job completes. A failed step makes it FAILED,
 * with the reason.
 */
@Component
class BatchStateListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(BatchStateListener.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final BatchMapper batches;
    private final ProgressPublisher progress;

    BatchStateListener(BatchMapper batches, ProgressPublisher progress) {
        this.batches = batches;
        this.progress = progress;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        move(BatchJobs.batchIdOf(execution), BatchState.CREATED, BatchState.PREPARING, null);
    }

    @Override
    public void afterJob(JobExecution execution) {
        long batchId = BatchJobs.batchIdOf(execution);
        BatchRow batch = batches.find(batchId).orElseThrow();
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.STOPPED && batch.state() == BatchState.PREPARING && stoppedToWaitForStart(execution)) {
            move(batchId, BatchState.PREPARING, batch.sendAt() == null ? BatchState.READY : BatchState.SCHEDULED, null);
        } else if (status == BatchStatus.COMPLETED) {
            move(batchId, batch.state(), BatchState.COMPLETED, null);
        } else if (status == BatchStatus.FAILED) {
            String reason = failureOf(execution);
            log.warn("The job of batch {} failed in state {}: {}", batchId, batch.state(), reason);
            move(batchId, batch.state(), BatchState.FAILED, reason);
        }
    }

    /** Stopped by the flow at the wait for start, not by a stop request: every step that ran completed. */
    private static boolean stoppedToWaitForStart(JobExecution execution) {
        return execution.getStepExecutions().stream().allMatch(step -> step.getStatus() == BatchStatus.COMPLETED);
    }

    private void move(long batchId, BatchState from, BatchState to, String error) {
        BatchRow moved = batches.changeState(batchId, from, to, error);
        if (moved != null) {
            progress.publish(moved);
        }
    }

    private static String failureOf(JobExecution execution) {
        String reason = execution.getAllFailureExceptions().stream()
                .findFirst()
                .map(e -> e.getClass().getSimpleName() + ": " + e.getMessage())
                .orElse(execution.getExitStatus().getExitDescription());
        return reason.length() <= MAX_ERROR_LENGTH ? reason : reason.substring(0, MAX_ERROR_LENGTH);
    }
}
