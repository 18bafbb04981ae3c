package org.smsengine.scheduling;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.system.ConflictException;
import org.smsengine.system.Outages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Quartz job of a send time: sends the lifecycle's {@code start}, as the scheduler, whenever the
 * database answers (a failover makes it late, not lost). Quartz
 * creates its jobs itself, so the lifecycle comes through a setter (Spring's job factory autowires it).
 */
public class StartScheduledBatch implements Job {

    static final String ACTOR = "scheduler";
    private static final Logger log = LoggerFactory.getLogger(StartScheduledBatch.class);

    private BatchLifecycle lifecycle;
    private Outages outages;
    private StopSignals signals;

    @Autowired
    public void setLifecycle(BatchLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Autowired
    public void setOutages(Outages outages, StopSignals signals) {
        this.outages = outages;
        this.signals = signals;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long batchId = context.getMergedJobDataMap().getLong(SendTimeSchedule.BATCH_ID);
        try {
            // a database that is away is waited for: the send time is late, not lost
            outages.waitFor(Outages.Service.DATABASE, signals::nodeStopping,
                    () -> lifecycle.act(batchId, "start", ACTOR, "send time " + context.getScheduledFireTime().toInstant()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ConflictException e) {
            log.info("Batch {} was not started at its send time: {}", batchId, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Batch {} could not be started at its send time", batchId, e);
        }
    }
}
