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
 * Moves the batch's state with its job: PREPARING while it runs; READY (or SCHEDULED when it has a
 * send time) once prepared; FAILED, with the reason, when a step fails.
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
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            BatchRow batch = batches.find(batchId).orElseThrow();
            move(batchId, BatchState.PREPARING, batch.sendAt() == null ? BatchState.READY : BatchState.SCHEDULED, null);
        } else if (execution.getStatus() == BatchStatus.FAILED) {
            String reason = failureOf(execution);
            log.warn("The job of batch {} failed: {}", batchId, reason);
            move(batchId, BatchState.PREPARING, BatchState.FAILED, reason);
        }
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
