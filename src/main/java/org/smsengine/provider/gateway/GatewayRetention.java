package org.smsengine.provider.gateway;

import java.time.Duration;
import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.system.NodeIdentity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the gateway queue's SENT and FAILED messages once the engine's retention
 * ({@code sms.housekeeping.retention}) has passed, on the retention purge's schedule, on one node at
 * a time (ShedLock), {@code sms.housekeeping.chunk} rows per statement; each run is recorded with the
 * other housekeeping runs. Its own task rather than a table in the batch purge: queue rows belong to
 * a provider, not to a batch (a keyword's reply has none).
 */
@Component
class GatewayRetention {

    static final String TASK = "gateway-retention-purge";
    private static final Logger log = LoggerFactory.getLogger(GatewayRetention.class);

    private final GatewayMessageMapper messages;
    private final NodeIdentity node;
    private final Duration retention;
    private final int chunk;

    GatewayRetention(GatewayMessageMapper messages, NodeIdentity node,
            @Value("#{@housekeepingSettings.retention}") Duration retention, @Value("#{@housekeepingSettings.chunk}") int chunk) {
        this.messages = messages;
        this.node = node;
        this.retention = retention;
        this.chunk = chunk;
    }

    @Scheduled(cron = "#{@housekeepingSettings.retentionSchedule}")
    @SchedulerLock(name = TASK, lockAtLeastFor = "5s", lockAtMostFor = "2h")
    public void purge() {
        OffsetDateTime started = OffsetDateTime.now();
        long deleted = 0;
        int last;
        do {
            last = messages.purgeDone(retention.toMillis(), chunk);
            deleted += last;
        } while (last >= chunk);
        messages.recordRun(TASK, node.id(), started, deleted);
        if (deleted > 0) {
            log.info("Housekeeping {}: {} rows", TASK, deleted);
        }
    }
}
