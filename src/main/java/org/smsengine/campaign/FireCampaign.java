package org.smsengine.campaign;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.system.Outages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Quartz job of a campaign's cron trigger. Quartz creates its jobs itself, so the service comes
 * through a setter (Spring's job factory autowires it).
 */
@DisallowConcurrentExecution
public class FireCampaign implements Job {

    private static final Logger log = LoggerFactory.getLogger(FireCampaign.class);

    private CampaignService campaigns;
    private Outages outages;
    private StopSignals signals;

    @Autowired
    public void setCampaigns(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Autowired
    public void setOutages(Outages outages, StopSignals signals) {
        this.outages = outages;
        this.signals = signals;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long campaignId = context.getMergedJobDataMap().getLong(CampaignSchedule.CAMPAIGN_ID);
        OffsetDateTime scheduledFor = context.getScheduledFireTime().toInstant().atOffset(ZoneOffset.UTC);
        try {
            // a database that is away is waited for: the firing is late, not lost (a firing already recorded for
            // this time is not decided again, should its commit have been cut off)
            outages.waitFor(Outages.Service.DATABASE, signals::nodeStopping,
                    () -> campaigns.fire(campaignId, scheduledFor, "CRON", "scheduler"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Campaign {} could not fire for {}", campaignId, scheduledFor, e);
        }
    }
}
