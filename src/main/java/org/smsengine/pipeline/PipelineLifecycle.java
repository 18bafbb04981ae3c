package org.smsengine.pipeline;

import java.util.Set;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.lifecycle.LifecycleAction;
import org.smsengine.lifecycle.LifecycleGuard;
import org.smsengine.lifecycle.NamedAction;
import org.smsengine.lifecycle.NamedGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The guards and actions of the lifecycle table that concern the batch's job: stop it, continue it
 * (start, resume, retry), and the conditions on where it stands.
 */
@Configuration(proxyBeanMethods = false)
class PipelineLifecycle {

    /** Steps that prepare a batch; a failure in any other is a failure of its delivery. */
    private static final Set<String> PREPARATION_STEPS = Set.of("validation", "partition", "preparation");

    @Bean
    LifecycleGuard hasSendAt() {
        return new NamedGuard("hasSendAt", batch -> batch.sendAt() != null);
    }

    @Bean
    LifecycleGuard noSendAt() {
        return new NamedGuard("noSendAt", batch -> batch.sendAt() == null);
    }

    @Bean
    LifecycleGuard failedInPreparation() {
        return new NamedGuard("failedInPreparation", PipelineLifecycle::failedInPreparation);
    }

    @Bean
    LifecycleGuard failedInDelivery() {
        return new NamedGuard("failedInDelivery", batch -> !failedInPreparation(batch));
    }

    private static boolean failedInPreparation(BatchRow batch) {
        return batch.currentStep() == null || PREPARATION_STEPS.contains(batch.currentStep());
    }

    @Bean
    LifecycleAction stopJob(JobControl jobs) {
        return new NamedAction("stopJob", (batch, transition) -> jobs.stop(batch));
    }

    /**
     * Restarts the job from where it stopped or failed. Its round may have completed meanwhile (a
     * pause that came as the last chunk finished): then the batch is delivered. Its preparation may
     * have finished (a pause as the job reached the wait for start): then the batch is prepared.
     */
    @Bean
    LifecycleAction continueJob(JobControl jobs, ObjectProvider<BatchLifecycle> lifecycle, ApplicationEventPublisher events) {
        return new NamedAction("continueJob", (batch, transition) -> jobs.continueJob(batch, () -> {
            if (batch.state() != BatchState.DELIVERING) {
                events.publishEvent(new BatchPrepared(batch.id()));
            }
            lifecycle.getObject().notify(batch.id(), batch.state() == BatchState.DELIVERING ? "delivered" : "prepared",
                    null, null);
        }));
    }
}
