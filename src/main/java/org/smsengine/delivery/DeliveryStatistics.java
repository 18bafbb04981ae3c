package org.smsengine.delivery;

import org.smsengine.delivery.ratelimit.RateLimits;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Ends a batch's delivery: its counters become the exact figures of its messages ({@link BatchRecount});
 * receipts that come later move them on from there.
 */
class DeliveryStatistics implements Tasklet {

    private final BatchRecount recount;
    private final RateLimits limits;

    DeliveryStatistics(BatchRecount recount, RateLimits limits) {
        this.recount = recount;
        this.limits = limits;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long batchId = chunkContext.getStepContext().getStepExecution().getJobParameters().getLong("batchId");
        recount.recount(batchId);
        limits.forget(batchId);
        return RepeatStatus.FINISHED;
    }
}
