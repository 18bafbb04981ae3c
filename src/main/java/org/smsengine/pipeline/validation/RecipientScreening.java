package org.smsengine.pipeline.validation;

import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.CounterSlots;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.recipient.RecipientMapper;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Ends validation: in one transaction, recipients whose number is opted out, then every repeat of
 * a number after its first row, become rejects, and the counters move with them. Set-wise in
 * PostgreSQL, so the engine's memory does not grow with the batch.
 */
class RecipientScreening implements Tasklet {

    private final RecipientMapper recipients;
    private final BatchMapper batches;
    private final ProgressPublisher progress;
    private final String workMem;

    RecipientScreening(RecipientMapper recipients, BatchMapper batches, ProgressPublisher progress, String workMem) {
        this.recipients = recipients;
        this.batches = batches;
        this.progress = progress;
        this.workMem = workMem;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long batchId = chunkContext.getStepContext().getStepExecution().getJobParameters().getLong("batchId");
        recipients.prepareScreening(workMem);
        int optedOut = recipients.rejectOptedOut(batchId);
        int duplicates = recipients.rejectDuplicates(batchId);
        contribution.incrementWriteCount(optedOut + duplicates);
        progress.publish(batches.addCounts(batchId, CounterSlots.BATCH, BatchCounts.screened(optedOut, duplicates)));
        return RepeatStatus.FINISHED;
    }
}
