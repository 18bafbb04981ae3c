package org.smsengine.scheduling;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.smsengine.system.Cron;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Housekeeping ({@code sms.housekeeping}): each task runs on one node at a time (ShedLock), on a schedule that is a
 * Spring cron expression of six fields (second first); "-" turns a task off.
 *
 * <p>The {@code @param}s whose names begin others' come first: the configuration processor takes a key's description
 * from the first {@code @param} that begins with its name.
 *
 * @param receiptTimeout          a SENT message without a receipt this long after it was sent is overdue
 * @param overdueStatus           what an overdue message becomes: EXPIRED or UNKNOWN
 * @param retention               messages, rejects, recipients and uploads of batches finished this long ago are purged
 * @param chunk                   rows changed or deleted per statement, so no task holds long locks or a huge
 *                                transaction
 * @param redisReconcileSchedule  when the Redis view of every active batch is rewritten from PostgreSQL
 * @param overdueReceiptsSchedule when SENT messages without a receipt after receipt-timeout are ended
 * @param retentionSchedule       when finished batches' rows older than retention are purged (the gateway queue's
 *                                sent and failed messages too)
 * @param validitySchedule        when paused batches past their validUntil end (what is left is suppressed)
 * @param idempotencySchedule     when idempotency keys older than {@code sms.idempotency.keep} are deleted
 */
@ConfigurationProperties("sms.housekeeping")
@Validated
public record HousekeepingSettings(
        @NotNull @DurationMin(millis = 1) @DefaultValue("48h") Duration receiptTimeout,
        @NotNull @DefaultValue("EXPIRED") OverdueStatus overdueStatus,
        @NotNull @DurationMin @DefaultValue("90d") Duration retention,
        @Positive @DefaultValue("10000") int chunk,
        @Cron @DefaultValue("0 * * * * *") String redisReconcileSchedule,
        @Cron @DefaultValue("0 */10 * * * *") String overdueReceiptsSchedule,
        @Cron @DefaultValue("0 30 3 * * *") String retentionSchedule,
        @Cron @DefaultValue("*/30 * * * * *") String validitySchedule,
        @Cron @DefaultValue("0 15 * * * *") String idempotencySchedule) {

    public enum OverdueStatus {
        EXPIRED,
        UNKNOWN
    }
}
