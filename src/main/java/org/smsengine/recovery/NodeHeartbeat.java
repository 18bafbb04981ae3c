package org.smsengine.recovery;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.system.Failures;
import org.smsengine.system.NodeIdentity;
import org.smsengine.system.Outages;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Records, every heartbeat interval, that this node is alive — on a thread of its own, not the
 * scheduler's: its few threads run every {@code @Scheduled} task of the engine (housekeeping passes,
 * recovery, takeovers ...), and a heartbeat waiting behind long ones would let the other nodes
 * think this node lost and continue the jobs it is still running. Beats from start-up (the first
 * when the engine is ready) until the context closes, through a graceful shutdown's hand-over.
 */
@Component
class NodeHeartbeat implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final RecoveryMapper recovery;
    private final NodeIdentity node;
    private final long intervalMillis;
    private final ScheduledExecutorService beating = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "node-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private final Outages outages;

    NodeHeartbeat(RecoveryMapper recovery, NodeIdentity node, RecoverySettings settings, Outages outages) {
        this.outages = outages;
        this.recovery = recovery;
        this.node = node;
        this.intervalMillis = settings.heartbeatInterval().toMillis();
    }

    /** Beats now (the node is registered when this returns), then every interval. */
    void start() {
        beat();
        beating.scheduleWithFixedDelay(this::beat, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Also how this node finds the database gone and back when nothing else is asking it (a node with no job). */
    private void beat() {
        try {
            recovery.beat(node.id(), node.host());
            outages.reachable(Outages.Service.DATABASE);
        } catch (RuntimeException e) {
            if (Failures.unreachable(e)) {
                outages.unreachable(Outages.Service.DATABASE);
            }
            log.warn("Could not record this node's heartbeat: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        beating.shutdownNow();
    }
}
