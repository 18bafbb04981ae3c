package org.smsengine.recovery;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.pipeline.BatchJobEnded;
import org.smsengine.pipeline.BatchJobInterrupted;
import org.smsengine.pipeline.JobHandovers;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.system.Outages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch's job that ended because the database (or another service it stands on) was away: on the job's
 * own thread, once the database answers again, its steps that could not record their end are ended FAILED
 * (the job records its own end right after, FAILED: see {@code BatchStateListener}), its messages in doubt
 * are settled, and the batch is handed over (the first node to look
 * continues it from its last commit: the batch went on by itself). A job that waited longer than
 * {@code sms.outage.patience} is not continued: its batch is paused with the reason, for an operator's
 * resume. A node that is stopping leaves all that to recovery, which finds the job lost with it.
 */
@Component
class InterruptedJobs {

    private static final Logger log = LoggerFactory.getLogger(InterruptedJobs.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final UnfinishedJobs unfinished;
    private final JobHandovers handovers;
    private final BatchLifecycle lifecycle;
    private final StopSignals signals;
    private final Outages outages;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    InterruptedJobs(UnfinishedJobs unfinished, JobHandovers handovers, BatchLifecycle lifecycle, StopSignals signals,
            Outages outages, TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.unfinished = unfinished;
        this.handovers = handovers;
        this.lifecycle = lifecycle;
        this.signals = signals;
        this.outages = outages;
        this.transaction = transaction;
        this.events = events;
    }

    @EventListener
    void onInterrupted(BatchJobInterrupted job) {
        String away = "the " + job.service() + " could not be reached from " + TIME.format(job.since());
        try {
            // no patience here: the job has ended; what is left is to record it, whenever the database can take it
            Integer inDoubt = outages.waitFor(Outages.Service.DATABASE, signals::nodeStopping, () -> transaction.execute(status -> {
                unfinished.failSteps(job.jobExecutionId(), "interrupted: " + away);
                return unfinished.settleInDoubt(job.batchId());
            }));
            String reason = away + "; " + unfinished.inDoubtOutcome(inDoubt);
            if (job.pastPatience()) {
                outages.waitFor(Outages.Service.DATABASE, signals::nodeStopping, () -> lifecycle.notify(job.batchId(),
                        "interrupted", reason + "; waited longer than sms.outage.patience (" + outages.patience()
                                + "): resume it to continue", null));
            } else {
                outages.waitFor(Outages.Service.DATABASE, signals::nodeStopping,
                        () -> handovers.handOver(job.batchId(), reason + "; its job continues from its last commit"));
            }
            events.publishEvent(new BatchJobEnded(job.batchId()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Batch {}: its interrupted job (execution {}) is left to recovery: {}", job.batchId(),
                    job.jobExecutionId(), e.toString());
        }
    }
}
