package org.smsengine.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.stereotype.Component;

/**
 * One Quartz cron trigger per enabled campaign, in the campaign's time zone, in the clustered job
 * store: whichever node acquires a firing runs it, and no firing runs twice.
 *
 * <p>Misfire policy: do nothing. A firing missed while no node was up is skipped, not sent late: a
 * "Monday 09:00" campaign must not reach phones at 15:00 because the cluster was down. {@code run}
 * fires one by hand. Late by less than Quartz's misfire threshold (as long as {@code sms.outage.patience}:
 * a database failover, a deploy) it is not a misfire: it fires, late.
 */
@Component
class CampaignSchedule {

    static final String GROUP = "campaign";
    static final String CAMPAIGN_ID = "campaignId";

    private final Scheduler scheduler;

    CampaignSchedule(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Sets the campaign's trigger to what the row says (or removes it when disabled). */
    void apply(CampaignRow campaign) throws SchedulerException {
        if (!campaign.enabled()) {
            scheduler.deleteJob(jobKey(campaign.id()));
            return;
        }
        JobDetail job = JobBuilder.newJob(FireCampaign.class).withIdentity(jobKey(campaign.id()))
                .usingJobData(CAMPAIGN_ID, campaign.id()).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(campaign.id() + "", GROUP).forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(campaign.cron())
                        .inTimeZone(TimeZone.getTimeZone(campaign.timezone()))
                        .withMisfireHandlingInstructionDoNothing())
                .build();
        scheduler.scheduleJob(job, Set.of(trigger), true);
    }

    void remove(long campaignId) throws SchedulerException {
        scheduler.deleteJob(jobKey(campaignId));
    }

    /** The next {@code count} fire times of a cron expression in a time zone, after {@code now}. */
    public static List<Instant> nextFireTimes(String cron, String timezone, Instant now, int count) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(timezone));
            List<Instant> times = new ArrayList<>();
            Date next = Date.from(now);
            while (times.size() < count && (next = expression.getNextValidTimeAfter(next)) != null) {
                times.add(next.toInstant());
            }
            return times;
        } catch (java.text.ParseException e) {
            return List.of();
        }
    }

    private static JobKey jobKey(long campaignId) {
        return JobKey.jobKey(Long.toString(campaignId), GROUP);
    }
}
