package org.smsengine.delivery;

import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.lifecycle.LifecycleAction;
import org.smsengine.lifecycle.LifecycleGuard;
import org.smsengine.lifecycle.NamedAction;
import org.smsengine.lifecycle.NamedGuard;
import org.smsengine.pipeline.BatchJobEnded;
import org.smsengine.pipeline.JobControl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The guards and actions of the lifecycle table that concern messages: abort, and re-sending failures. */
@Configuration(proxyBeanMethods = false)
class DeliveryLifecycle {

    private final DeliveryMapper deliveries;
    private final BatchMapper batches;
    private final BatchRecount recount;

    DeliveryLifecycle(DeliveryMapper deliveries, BatchMapper batches, BatchRecount recount) {
        this.deliveries = deliveries;
        this.batches = batches;
        this.recount = recount;
    }

    @Bean
    LifecycleGuard hasRetryableFailures() {
        return new NamedGuard("hasRetryableFailures", batch -> batch.retryableFailures() > 0);
    }

    /**
     * Stops the job, and every message not sent yet becomes CANCELLED. Messages the stopping job
     * still puts back are cancelled when it has ended ({@link #onJobEnded}).
     */
    @Bean
    LifecycleAction abortJob(JobControl jobs) {
        return new NamedAction("abortJob", (batch, transition) -> {
            jobs.stop(batch);
            cancelUnsent(batch.id());
        });
    }

    /** Queues the retryable failures (and messages in doubt) again and runs the next redelivery round. */
    @Bean
    LifecycleAction resendFailures(JobControl jobs, ObjectProvider<BatchLifecycle> lifecycle) {
        return new NamedAction("resendFailures", (batch, transition) -> {
            deliveries.requeueRetryable(batch.id());
            recount.recount(batch.id());
            BatchRow next = batches.nextJobRound(batch.id());
            jobs.continueJob(next, () -> lifecycle.getObject().notify(batch.id(), "delivered", null, null));
        });
    }

    @EventListener
    void onJobEnded(BatchJobEnded ended) {
        if (batches.find(ended.batchId()).map(BatchRow::state).orElse(null) == BatchState.ABORTED) {
            cancelUnsent(ended.batchId());
        }
    }

    private void cancelUnsent(long batchId) {
        deliveries.cancelUnsent(batchId);
        recount.recount(batchId);
    }
}
