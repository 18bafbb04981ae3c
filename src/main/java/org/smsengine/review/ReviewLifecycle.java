package org.smsengine.review;

import org.smsengine.batch.BatchCreated;
import org.smsengine.lifecycle.LifecycleGuard;
import org.smsengine.lifecycle.NamedGuard;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Sends a prepared batch to review: whether it goes is fixed when the batch is created, from
 * {@code sms.review.required} on the node that took the upload (or fired the campaign), in the
 * creation's own transaction; the guard of the lifecycle table reads it back when preparation ends,
 * on whichever node ran it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewSettings.class)
class ReviewLifecycle {

    private final ReviewSettings settings;
    private final ReviewMapper reviews;

    ReviewLifecycle(ReviewSettings settings, ReviewMapper reviews) {
        this.settings = settings;
        this.reviews = reviews;
    }

    @Bean
    LifecycleGuard reviewRequired() {
        return new NamedGuard("reviewRequired", batch -> reviews.reviewRequired(batch.id()));
    }

    /** Within the transaction that creates the batch: the batch and its review come together or not at all. */
    @EventListener
    void onBatchCreated(BatchCreated created) {
        if (settings.required()) {
            reviews.requireReview(created.batchId());
        }
    }
}
