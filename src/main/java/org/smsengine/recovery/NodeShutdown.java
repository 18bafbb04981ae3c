package org.smsengine.recovery;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.pipeline.JobControl;
import org.smsengine.pipeline.JobHandovers;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.system.Failures;
import org.smsengine.system.NodeIdentity;
import org.smsengine.system.Outages;
import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node told to stop (SIGTERM: a deploy, a scale-down) stops its jobs the way a pause does and
 * hands their batches over, for another node to continue at once: a restart is not a failure. It
 * is the first thing to stop (the highest phase), while the web server still answers and before
 * any executor is shut down (executors interrupt what still runs):
 * <ol>
 * <li>no job starts or goes on here any more ({@link StopSignals#stopNode}): no submit starts, those
 *     in flight are answered and recorded, claimed messages go back, preparation stops at its next
 *     chunk boundary;
 * <li>each batch whose job runs or waits here gets {@code node_stopping} through the lifecycle (its
 *     audit says why it is moving), which marks the execution STOPPING for the steps that only look
 *     at the job repository;
 * <li>each job that stopped is handed over as it ends ({@code BatchStateListener}); the node waits,
 *     its heartbeat beating on (its own thread, until the context closes) so that no other node takes
 *     it for lost meanwhile;
 * <li>jobs still running when the time is up (a provider that does not answer) are ended as recovery
 *     ends a lost node's jobs, and handed over all the same.
 * </ol>
 */
@Component
class NodeShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeShutdown.class);
    /** What the shutdown needs after the web server's phase: executors, providers, connection pools. */
    private static final Duration RESERVE = Duration.ofSeconds(1);
    private static final Duration LEAST_WAIT = Duration.ofSeconds(1);
    private static final long POLL_MILLIS = 100;

    private final RecoveryMapper recovery;
    private final StopSignals signals;
    private final BatchLifecycle lifecycle;
    private final JobControl jobs;
    private final JobHandovers handovers;
    private final UnfinishedJobs unfinished;
    private final NodeIdentity node;
    private final Duration patience;
    private final TransactionTemplate transaction;
    private final Outages outages;
    private volatile boolean running;

    NodeShutdown(RecoveryMapper recovery, StopSignals signals, BatchLifecycle lifecycle, JobControl jobs,
            JobHandovers handovers, UnfinishedJobs unfinished, NodeIdentity node, ShutdownSettings settings,
            LifecycleProperties phases, TransactionTemplate transaction, Outages outages) {
        this.outages = outages;
        this.recovery = recovery;
        this.signals = signals;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.handovers = handovers;
        this.unfinished = unfinished;
        this.node = node;
        this.transaction = transaction;
        this.patience = patience(settings.timeout(), phases.getTimeoutPerShutdownPhase());
    }

    /** How long the jobs may take to stop: the timeout less the later phases' share, and never nothing. */
    static Duration patience(Duration timeout, Duration perPhase) {
        Duration patience = timeout.minus(perPhase).minus(RESERVE);
        if (patience.compareTo(LEAST_WAIT) < 0) {
            log.warn("sms.shutdown.timeout {} leaves no time for jobs to stop after the later shutdown phases ({} each, "
                    + "spring.lifecycle.timeout-per-shutdown-phase); they get {}, and a stop may take longer",
                    timeout, perPhase, LEAST_WAIT);
            return LEAST_WAIT;
        }
        return patience;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The last to start and the first to stop: before the web server's graceful phase and the executors. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @Override
    public void stop() {
        running = false;
        long began = System.nanoTime();
        long deadline = began + patience.toNanos();
        signals.stopNode();
        log.info("This node is stopping: its jobs stop and are handed over to the other nodes (waiting at most {})",
                patience);
        Set<Long> told = new HashSet<>();
        List<RecoveryMapper.RunningJob> left = List.of();
        if (outages.since(Outages.Service.DATABASE).isPresent()) {
            databaseAway();
            return;
        }
        try {
            while (true) {
                left = recovery.findRunningJobs(node.id());
                left.stream().filter(job -> told.add(job.batchId())).forEach(this::tell);
                long now = System.nanoTime();
                if (left.isEmpty() || now >= deadline) {
                    break;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (Failures.unreachable(e)) {
                databaseAway();
                return;
            }
            log.error("Could not wait for this node's jobs to stop; giving them up", e);
        }
        giveUp(left);
        log.info("This node's jobs stopped in {} ms: {} told to move, {} ended unfinished",
                (System.nanoTime() - began) / 1_000_000, told.size(), left.size());
    }

    private void tell(RecoveryMapper.RunningJob job) {
        try {
            lifecycle.notify(job.batchId(), "node_stopping", "node " + node.id()
                    + " is stopping: the job stops at its next chunk boundary and continues on another node", null);
        } catch (RuntimeException e) {
            log.error("Batch {}: could not record that this node is stopping (its job stops all the same)",
                    job.batchId(), e);
        }
    }

    /**
     * The database cannot be reached: nothing of this node's jobs can be recorded or handed over, and waiting
     * for it would keep the node from exiting. Its jobs stop where they wait (the stop signal ends every wait
     * for the database), and the others find them lost with this node once the database is back, as after a
     * crash: their messages in doubt are settled then, and another node continues them.
     */
    private void databaseAway() {
        log.warn("This node is stopping while the database cannot be reached: its jobs are left to recovery on the "
                + "other nodes, as if it had stopped without warning");
    }

    /**
     * Jobs that did not stop in time: from now on this node records nothing of them, their
     * executions end FAILED, their messages in doubt are settled, and another node continues them.
     * Continuations that were waiting here for an execution to end are left to the others too.
     */
    private void giveUp(List<RecoveryMapper.RunningJob> left) {
        if (!left.isEmpty()) {
            signals.giveUp();
        }
        String why = "node " + node.id() + " stopped; its job did not stop within the shutdown timeout";
        for (RecoveryMapper.RunningJob job : left) {
            try {
                Integer inDoubt = transaction.execute(status -> {
                    unfinished.fail(job.jobExecutionId(), why);
                    int messages = unfinished.settleInDoubt(job.batchId());
                    handovers.handOver(job.batchId(), why + " and was ended; " + unfinished.inDoubtOutcome(messages));
                    return messages;
                });
                log.warn("Batch {}: its job (execution {}) was ended unfinished; {}", job.batchId(), job.jobExecutionId(),
                        unfinished.inDoubtOutcome(inDoubt));
            } catch (RuntimeException e) {
                log.error("Batch {}: could not end its job; recovery will, once this node is found lost", job.batchId(), e);
            }
        }
        for (Long batchId : jobs.waitingToContinue()) {
            handovers.handOver(batchId, "node " + node.id() + " stopped before the job could continue there");
        }
    }
}
