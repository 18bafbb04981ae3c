package org.smsengine.campaign;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Quartz job of a campaign's cron trigger. Quartz creates its jobs itself, so the service comes
 * through a setter (Spring's job factory autowires it).
 */
@DisallowConcurrentExecution
public class FireCampaign implements Job {

    private static final Logger log = LoggerFactory.getLogger(FireCampaign.class);

    private CampaignService campaigns;

    @Autowired
    public void setCampaigns(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long campaignId = context.getMergedJobDataMap().getLong(CampaignSchedule.CAMPAIGN_ID);
        OffsetDateTime scheduledFor = context.getScheduledFireTime().toInstant().atOffset(ZoneOffset.UTC);
        try {
            campaigns.fire(campaignId, scheduledFor, "CRON", "scheduler");
        } catch (RuntimeException e) {
            log.error("Campaign {} could not fire for {}", campaignId, scheduledFor, e);
        }
    }
}
