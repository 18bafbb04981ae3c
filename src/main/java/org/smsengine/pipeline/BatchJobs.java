package org.smsengine.pipeline;

import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;

/** The job parameters that tie a job instance to its batch: one instance per batch. */
final class BatchJobs {

    static final String BATCH_ID = "batchId";
    static final String ROUND = "round";

    private BatchJobs() {
    }

    static JobParameters parametersFor(long batchId) {
        return new JobParametersBuilder().addLong(BATCH_ID, batchId).toJobParameters();
    }

    /** The n-th re-sending of a batch's retryable failures: a job instance of its own. */
    static JobParameters parametersFor(long batchId, int round) {
        return new JobParametersBuilder().addLong(BATCH_ID, batchId).addLong(ROUND, (long) round).toJobParameters();
    }

    static long batchIdOf(JobExecution execution) {
        return execution.getJobParameters().getLong(BATCH_ID);
    }
}
