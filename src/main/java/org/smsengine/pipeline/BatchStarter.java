package org.smsengine.pipeline;

import org.smsengine.batch.BatchActions;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchNotFoundException;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.provider.Providers;
import org.smsengine.system.ConflictException;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.stereotype.Service;

/**
 * Starts the delivery of a prepared batch: READY (or SCHEDULED, early) becomes DELIVERING in one
 * conditional update, so of two starts at once exactly one wins; then the batch's job is restarted
 * from the step that waits for start.
 */
@Service
public class BatchStarter {

    private final BatchMapper batches;
    private final JobLauncher jobLauncher;
    private final Job smsBatchJob;
    private final ProgressPublisher progress;
    private final Providers providers;

    BatchStarter(BatchMapper batches, JobLauncher jobLauncher, Job smsBatchJob, ProgressPublisher progress,
            Providers providers) {
        this.batches = batches;
        this.jobLauncher = jobLauncher;
        this.smsBatchJob = smsBatchJob;
        this.progress = progress;
        this.providers = providers;
    }

    public BatchRow start(long batchId) throws Exception {
        BatchRow batch = batches.find(batchId).orElseThrow(() -> new BatchNotFoundException(batchId));
        if (!BatchActions.allowedIn(batch.state()).contains(BatchActions.START)) {
            throw refused(batch);
        }
        if (providers.defaultName() == null) {
            throw new ConflictException("No provider is configured (sms.providers.definitions): batch " + batchId
                    + " cannot be delivered", batch.state().name(), BatchActions.allowedIn(batch.state()));
        }
        BatchRow started = batches.changeState(batchId, batch.state(), BatchState.DELIVERING, null);
        if (started == null) {
            throw refused(batches.find(batchId).orElseThrow());
        }
        progress.publish(started);
        batches.setProvider(batchId, providers.defaultName());
        jobLauncher.run(smsBatchJob, BatchJobs.parametersFor(batchId));
        return started;
    }

    private static ConflictException refused(BatchRow batch) {
        return new ConflictException("Batch " + batch.id() + " is " + batch.state() + " and cannot be started",
                batch.state().name(), BatchActions.allowedIn(batch.state()));
    }
}
