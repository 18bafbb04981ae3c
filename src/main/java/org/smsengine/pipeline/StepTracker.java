package org.smsengine.pipeline;

import org.smsengine.batch.BatchMapper;
import org.smsengine.progress.ProgressPublisher;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.stereotype.Component;

/** Records which step a batch is in, and since when, for progress and its rate. */
@Component
class StepTracker implements StepExecutionListener {

    private final BatchMapper batches;
    private final ProgressPublisher progress;

    StepTracker(BatchMapper batches, ProgressPublisher progress) {
        this.batches = batches;
        this.progress = progress;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long batchId = BatchJobs.batchIdOf(stepExecution.getJobExecution());
        progress.publish(batches.startStep(batchId, stepExecution.getStepName()));
    }
}
