package org.smsengine.scheduling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchState;
import org.smsengine.lifecycle.BatchStateChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one Quartz trigger per SCHEDULED batch, at its send time: set when the batch becomes
 * SCHEDULED (or its send time changes), removed when it leaves SCHEDULED (started early, aborted,
 * send time removed). The trigger only fires the lifecycle's {@code start}.
 *
 * <p>Misfire policy: fire now. A send time that passed while no node was up (or the cluster was
 * too busy) starts the batch as soon as a node can: a late campaign beats a silently lost one, and
 * an operator who no longer wants it can abort the SCHEDULED batch before that.
 */
@Component
public class SendTimeSchedule {

    static final String GROUP = "batch-send-time";
    static final String BATCH_ID = "batchId";
    private static final Logger log = LoggerFactory.getLogger(SendTimeSchedule.class);

    private final Scheduler scheduler;

    SendTimeSchedule(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @EventListener
    void onStateChanged(BatchStateChanged changed) throws SchedulerException {
        long batchId = changed.batch().id();
        if (changed.to().equals(BatchState.SCHEDULED.name())) {
            schedule(batchId, changed.batch().sendAt());
        } else if (changed.from().equals(BatchState.SCHEDULED.name())) {
            unschedule(batchId);
        }
    }

    void schedule(long batchId, OffsetDateTime sendAt) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(StartScheduledBatch.class).withIdentity(jobKey(batchId))
                .usingJobData(BATCH_ID, batchId).requestRecovery(true).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey(batchId)).forJob(job)
                .startAt(Date.from(sendAt.toInstant()))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        scheduler.scheduleJob(job, Set.of(trigger), true);
        log.info("Batch {} will be started at {}", batchId, sendAt);
    }

    void unschedule(long batchId) throws SchedulerException {
        if (scheduler.deleteJob(jobKey(batchId))) {
            log.info("Batch {} is no longer scheduled", batchId);
        }
    }

    /** When the batch's trigger fires next, if it has one. */
    public Optional<Instant> nextStart(long batchId) {
        try {
            Trigger trigger = scheduler.getTrigger(triggerKey(batchId));
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    private static JobKey jobKey(long batchId) {
        return JobKey.jobKey("batch-" + batchId, GROUP);
    }

    private static TriggerKey triggerKey(long batchId) {
        return TriggerKey.triggerKey("batch-" + batchId, GROUP);
    }
}
