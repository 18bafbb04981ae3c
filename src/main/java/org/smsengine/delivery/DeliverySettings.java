package org.smsengine.delivery;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of delivery on this node ({@code sms.delivery}); the tuning of the delivery step itself
 * (chunk size, attempts, backoff) is in {@code jobs/}.
 *
 * @param chunkTime        how long a chunk should take at the batch's rate: pages shrink below the step's chunkSize
 *                         at low rates, so progress moves and a pause takes effect within about this time
 * @param retryPoll        longest wait between checks while a partition has only retries pending
 * @param receiptInterval  how often waiting receipts are applied
 * @param receiptPatience  how long a receipt may wait for its submission to be recorded before it is dropped
 * @param receiptCapacity  receipts that may wait in memory at once
 * @param partitionThreads threads that run delivery partitions on this node, for every batch delivering here: a pool
 *                         of its own, so a slow (rate-limited, or waiting for its window) delivery never holds up
 *                         another batch's preparation; beyond it, partitions wait their turn
 */
@ConfigurationProperties("sms.delivery")
@Validated
public record DeliverySettings(
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration chunkTime,
        @NotNull @DurationMin(millis = 1) @DefaultValue("500ms") Duration retryPoll,
        @NotNull @DurationMin(millis = 1) @DefaultValue("200ms") Duration receiptInterval,
        @NotNull @DurationMin @DefaultValue("10m") Duration receiptPatience,
        @Positive @DefaultValue("1000000") int receiptCapacity,
        @Positive @DefaultValue("16") int partitionThreads) {
}
