package org.smsengine.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchCreated;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobParametersInvalidException;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.repository.JobRestartException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Starts a batch's job once the batch and its upload have committed; the job runs asynchronously. */
@Component
class BatchJobLauncher {

    private static final Logger log = LoggerFactory.getLogger(BatchJobLauncher.class);

    private final JobLauncher jobLauncher;
    private final Job smsBatchJob;

    BatchJobLauncher(JobLauncher jobLauncher, Job smsBatchJob) {
        this.jobLauncher = jobLauncher;
        this.smsBatchJob = smsBatchJob;
    }

    @TransactionalEventListener
    void onBatchCreated(BatchCreated created) throws JobParametersInvalidException, JobRestartException,
            JobInstanceAlreadyCompleteException {
        try {
            jobLauncher.run(smsBatchJob, BatchJobs.parametersFor(created.batchId()));
        } catch (JobExecutionAlreadyRunningException e) {
            log.info("The job of batch {} is already running", created.batchId());
        }
    }
}
