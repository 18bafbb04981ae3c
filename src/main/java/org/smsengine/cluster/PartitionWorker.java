package org.smsengine.cluster;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.pipeline.PartitionRangePartitioner;
import org.smsengine.pipeline.StopSignal;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.recovery.RecoverySettings;
import org.smsengine.recovery.UnfinishedJobs;
import org.smsengine.system.NodeIdentity;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the partitions the broker hands this node, one per listener thread, on that thread: the
 * request is acknowledged only once its step has ended, so the broker gives it to another node if
 * this one dies meanwhile. Spring Batch's handler runs whatever it is asked to (a request delivered
 * twice would run a step twice), so a claim comes first ({@code sms_partition_claim}):
 * <ul>
 * <li>a partition already ended (completed, failed, stopped) or unknown is dropped;
 * <li>a partition another live node holds is waited for (this slot stays busy) and then dropped: it
 *     was a second copy of its request;
 * <li>a partition whose node died is taken over: its messages that node left in doubt are settled
 *     by the in-doubt policy, and the step runs again here from its last commit.
 * </ul>
 * A partition stopped by this node's own shutdown (not by its batch's pause) is handed back: its
 * step becomes STARTING again, so its manager keeps waiting, and the request goes back to the broker
 * for another node.
 */
class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);
    private static final String DELIVERY_WORKER = "delivery-worker";

    private final StepExecutionRequestHandler handler;
    private final JobExplorer jobExplorer;
    private final JobRepository jobRepository;
    private final ClaimMapper claims;
    private final UnfinishedJobs unfinished;
    private final StopSignals signals;
    private final NodeIdentity node;
    private final Duration nodeTimeout;
    private final Duration recheck;
    private final TransactionTemplate transaction;

    PartitionWorker(StepExecutionRequestHandler handler, JobExplorer jobExplorer, JobRepository jobRepository,
            ClaimMapper claims, UnfinishedJobs unfinished, StopSignals signals, NodeIdentity node,
            RecoverySettings recovery, ClusterSettings settings, TransactionTemplate transaction) {
        this.handler = handler;
        this.jobExplorer = jobExplorer;
        this.jobRepository = jobRepository;
        this.claims = claims;
        this.unfinished = unfinished;
        this.signals = signals;
        this.node = node;
        this.nodeTimeout = recovery.nodeTimeout();
        this.recheck = settings.claimRecheck();
        this.transaction = transaction;
    }

    /** Runs the partition if it is this node's to run; returns when its step has ended or it was dropped. */
    void work(StepExecutionRequest request) throws InterruptedException {
        if (signals.nodeStopping()) {
            throw new ImmediateRequeueAmqpException("node " + node.id() + " is stopping");
        }
        try {
            if (!claim(request)) {
                return;
            }
        } catch (DataAccessException e) {
            // back to the broker, which offers it again: not at once, while the database is unreachable
            Thread.sleep(recheck.toMillis());
            throw e;
        }
        StepExecution ended;
        try {
            ended = handler.handle(request);
        } catch (RuntimeException e) {
            claims.release(request.getStepExecutionId(), node.id());
            throw e;
        }
        if (signals.nodeStopping() && ended.getStatus() == BatchStatus.STOPPED && !jobStopping(ended)) {
            handBack(request);
            throw new ImmediateRequeueAmqpException("partition " + request.getStepExecutionId()
                    + " stopped by this node's shutdown; another node continues it");
        }
        claims.release(request.getStepExecutionId(), node.id());
    }

    /** Whether this node is to run the partition now (waiting while another live node holds it). */
    private boolean claim(StepExecutionRequest request) throws InterruptedException {
        long stepExecutionId = request.getStepExecutionId();
        while (true) {
            StepExecution execution = jobExplorer.getStepExecution(request.getJobExecutionId(), stepExecutionId);
            if (execution == null) {
                log.warn("Partition request for step execution {} of job execution {}: no such execution; dropped",
                        stepExecutionId, request.getJobExecutionId());
                return false;
            }
            if (execution.getStatus() != BatchStatus.STARTING && execution.getStatus() != BatchStatus.STARTED) {
                log.info("Partition {} ({}) is {} already; its request is dropped", stepExecutionId,
                        execution.getStepName(), execution.getStatus());
                return false;
            }
            long batchId = execution.getJobExecution().getJobParameters().getLong("batchId");
            int partitionNo = execution.getExecutionContext().getInt(PartitionRangePartitioner.PARTITION_NO, -1);
            if (claims.claim(stepExecutionId, request.getJobExecutionId(), request.getStepName(), batchId, partitionNo,
                    node.id()) == 1) {
                startedHere(execution, batchId);
                return true;
            }
            ClaimMapper.Claim holder = claims.find(stepExecutionId, nodeTimeout.toMillis());
            if (holder == null) {
                continue;       // released meanwhile: look at its status again
            }
            if (holder.nodeId().equals(node.id())) {
                log.info("Partition {} runs on this node already; a second copy of its request is dropped", stepExecutionId);
                return false;
            }
            if (!holder.alive()) {
                if (takeOver(execution, holder.nodeId(), batchId, partitionNo)) {
                    startedHere(execution, batchId);
                    return true;
                }
                continue;
            }
            Thread.sleep(recheck.toMillis());
        }
    }

    /**
     * The dead node's claim becomes this node's and what it left SENDING is settled, in one
     * transaction: of the nodes that got the request again, one continues the partition.
     */
    private boolean takeOver(StepExecution execution, String deadNode, long batchId, int partitionNo) {
        Boolean taken = transaction.execute(status -> {
            if (claims.takeOver(execution.getId(), deadNode, node.id()) == 0) {
                return false;
            }
            int inDoubt = DELIVERY_WORKER.equals(execution.getStepName().split(":")[0]) && partitionNo >= 0
                    ? unfinished.settleInDoubt(batchId, partitionNo) : 0;
            log.warn("Batch {}: partition {} ({}) was running on node {}, which was lost; it continues here "
                    + "({} messages were being submitted)", batchId, partitionNo, execution.getStepName(), deadNode, inDoubt);
            return true;
        });
        return Boolean.TRUE.equals(taken);
    }

    /** A stop this node heard of earlier does not hold for a job that is going on again (resumed meanwhile). */
    private void startedHere(StepExecution execution, long batchId) {
        JobExecution job = execution.getJobExecution();
        if (job.getStatus() == BatchStatus.STARTED || job.getStatus() == BatchStatus.STARTING) {
            signals.received(new StopSignal(batchId, false));
        }
    }

    private boolean jobStopping(StepExecution ended) {
        JobExecution job = jobExplorer.getJobExecution(ended.getJobExecutionId());
        return job == null || job.getStatus() == BatchStatus.STOPPING || !job.isRunning();
    }

    /** The partition waits for another node: STARTING again (its manager waits on), and no claim. */
    private void handBack(StepExecutionRequest request) {
        StepExecution execution = jobExplorer.getStepExecution(request.getJobExecutionId(), request.getStepExecutionId());
        execution.setStatus(BatchStatus.STARTING);
        // its run here ended STOPPED: the exit status of the next run is combined with this one (the worse wins),
        // and a partition that completes elsewhere must not say STOPPED to its manager, which would fail the job
        execution.setExitStatus(ExitStatus.EXECUTING);
        execution.setEndTime(null);
        jobRepository.update(execution);
        claims.release(request.getStepExecutionId(), node.id());
        log.info("Partition {} ({}) handed back to the broker: this node is stopping", execution.getId(),
                execution.getStepName());
    }
}
