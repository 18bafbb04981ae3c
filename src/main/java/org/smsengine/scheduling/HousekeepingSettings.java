package org.smsengine.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Housekeeping ({@code sms.housekeeping}); the schedules themselves are
 * {@code sms.housekeeping.*-schedule} cron expressions (Spring's six fields).
 *
 * @param receiptTimeout   a SENT message without a receipt this long after it was sent is overdue
 * @param overdueStatus    what an overdue message becomes: EXPIRED or UNKNOWN
 * @param retention        messages, rejects, recipients and uploads of batches finished this long ago are purged
 * @param chunk            rows changed or deleted per statement, so no task holds long locks or a huge transaction
 */
@ConfigurationProperties("sms.housekeeping")
public record HousekeepingSettings(
        @DefaultValue("48h") Duration receiptTimeout,
        @DefaultValue("EXPIRED") OverdueStatus overdueStatus,
        @DefaultValue("90d") Duration retention,
        @DefaultValue("10000") int chunk) {

    public enum OverdueStatus {
        EXPIRED,
        UNKNOWN
    }
}
