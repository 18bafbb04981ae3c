package org.smsengine.pipeline;

import org.smsengine.batch.BatchCreated;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;


/** Starts a batch's job once the batch and its upload have committed; the job runs asynchronously. */
@Component
class BatchJobLauncher {

    private final JobControl jobs;

    BatchJobLauncher(JobControl jobs) {
        this.jobs = jobs;
    }

    @TransactionalEventListener
    void onBatchCreated(BatchCreated created) throws Exception {
        jobs.launch(created.batchId());
    }
}
