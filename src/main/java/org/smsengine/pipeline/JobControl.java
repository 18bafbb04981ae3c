package org.smsengine.pipeline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.system.NodeIdentity;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Stops and continues the job of a batch. A batch has one job instance per round: round 0 is its
 * own job (validation to statistics), round n the n-th re-sending of its retryable failures (the
 * redelivery job). Continuing restarts the round's instance from where it stopped or failed, once
 * the execution that is stopping has ended, so a resume right after a pause never meets a running job.
 * A job is tied to this node as it is launched (not only once it starts: one queued behind the
 * running ones must not be lost with the node), and a node that is stopping launches nothing: it
 * hands the batch over instead.
 */
@Component
public class JobControl {

    private static final Logger log = LoggerFactory.getLogger(JobControl.class);
    private static final long POLL_MILLIS = 50;

    private final JobLauncher jobLauncher;
    private final Job smsBatchJob;
    private final Job redeliveryJob;
    private final JobExplorer jobExplorer;
    private final JobRepository jobRepository;
    private final BatchMapper batches;
    private final StopSignals signals;
    private final NodeIdentity node;
    private final JobHandovers handovers;
    /** Batches whose continuation waits for their last execution to end. */
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final ExecutorService continuations = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "job-continuation");
        thread.setDaemon(true);
        return thread;
    });

    JobControl(JobLauncher jobLauncher, @Qualifier("smsBatchJob") Job smsBatchJob,
            @Qualifier("smsRedeliveryJob") Job redeliveryJob, JobExplorer jobExplorer, JobRepository jobRepository,
            BatchMapper batches, StopSignals signals, NodeIdentity node, JobHandovers handovers) {
        this.jobLauncher = jobLauncher;
        this.smsBatchJob = smsBatchJob;
        this.redeliveryJob = redeliveryJob;
        this.jobExplorer = jobExplorer;
        this.jobRepository = jobRepository;
        this.batches = batches;
        this.signals = signals;
        this.node = node;
        this.handovers = handovers;
    }

    /** Launches the batch's first job (once its upload has committed). */
    void launch(long batchId) throws Exception {
        if (signals.nodeStopping()) {
            handovers.handOver(batchId, "node " + node.id() + " was stopping when the batch's job was to start");
            return;
        }
        try {
            launch(batchId, smsBatchJob, BatchJobs.parametersFor(batchId));
        } catch (JobExecutionAlreadyRunningException e) {
            log.info("The job of batch {} is already running", batchId);
        }
    }

    /**
     * Asks the batch's running job to stop: at once on this node (before its next submit), and
     * through the job repository on any other (at its next chunk boundary).
     */
    public void stop(BatchRow batch) {
        signals.stop(batch.id());
        if (batch.jobExecutionId() == null) {
            return;
        }
        for (int attempt = 1; attempt <= 5; attempt++) {
            JobExecution execution = jobExplorer.getJobExecution(batch.jobExecutionId());
            if (execution == null || !execution.isRunning() || execution.getStatus() == BatchStatus.STOPPING) {
                return;
            }
            execution.setStatus(BatchStatus.STOPPING);
            try {
                jobRepository.update(execution);
                return;
            } catch (OptimisticLockingFailureException e) {
                log.debug("The job execution of batch {} changed while being stopped; trying again", batch.id());
            }
        }
        log.warn("Could not mark the job of batch {} STOPPING; it stops before its next submit on this node only",
                batch.id());
    }

    /**
     * Continues the batch's job (restart of its current round) in the background once no execution
     * of it is running. {@code whenAlreadyDone} runs instead when there is nothing to continue: the
     * round's instance has completed, or (for a batch being prepared) the job has already reached
     * the wait for start.
     */
    public void continueJob(BatchRow batch, Runnable whenAlreadyDone) {
        signals.clear(batch.id());
        waiting.add(batch.id());
        continuations.execute(() -> {
            try {
                awaitNotRunning(batch);
                BatchRow now = batches.find(batch.id()).orElseThrow();
                if (now.state() != batch.state() || now.version() != batch.version()) {
                    log.info("Batch {} moved on to {} before its job could continue; not continuing", batch.id(), now.state());
                    return;
                }
                if (signals.nodeStopping()) {
                    handovers.handOver(batch.id(), "node " + node.id() + " was stopping when the job was to continue");
                    return;
                }
                if (now.state() == BatchState.PREPARING && waitsForStart(now)) {
                    whenAlreadyDone.run();
                    return;
                }
                run(now);
            } catch (JobInstanceAlreadyCompleteException e) {
                whenAlreadyDone.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.error("Could not continue the job of batch {}", batch.id(), e);
            } finally {
                waiting.remove(batch.id());
            }
        });
    }

    /** Batches whose job is to continue on this node once their last execution has ended. */
    public Set<Long> waitingToContinue() {
        return Set.copyOf(waiting);
    }

    private void run(BatchRow batch) throws Exception {
        if (batch.jobRound() == 0) {
            launch(batch.id(), smsBatchJob, BatchJobs.parametersFor(batch.id()));
        } else {
            launch(batch.id(), redeliveryJob, BatchJobs.parametersFor(batch.id(), batch.jobRound()));
        }
    }

    /** The execution may only be queued (all job threads busy): it is this node's from now on, for recovery and for a stop. */
    private void launch(long batchId, Job job, JobParameters parameters) throws Exception {
        JobExecution execution = jobLauncher.run(job, parameters);
        batches.recordJob(batchId, execution.getId(), node.id());
    }

    private boolean waitsForStart(BatchRow batch) {
        JobExecution last = batch.jobExecutionId() == null ? null : jobExplorer.getJobExecution(batch.jobExecutionId());
        return last != null && BatchStateListener.stoppedToWaitForStart(last);
    }

    private void awaitNotRunning(BatchRow batch) throws InterruptedException {
        Long executionId = batch.jobExecutionId();
        while (executionId != null) {
            JobExecution execution = jobExplorer.getJobExecution(executionId);
            if (execution == null || !execution.isRunning()) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
