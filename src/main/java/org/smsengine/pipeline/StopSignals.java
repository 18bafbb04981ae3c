package org.smsengine.pipeline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Batches this node was asked to stop (pause or abort), and this node itself stopping. Spring
 * Batch's own stop, a STOPPING job execution in the repository, is seen by every node but only
 * between chunks; this signal lets a delivery on this node stop before its next submit, which keeps
 * a pause prompt at any chunk size.
 *
 * <p>A node that is stopping (SIGTERM) stops every job it runs the same way, at once, before the
 * lifecycle has recorded anything: a job stopped by a failing database would otherwise run on into
 * the executor's shutdown and be interrupted. A node that gave up waiting for its jobs (they did
 * not end within the shutdown timeout) records nothing more of them: another node owns them now.
 *
 * <p>A batch's partitions may run on other nodes (a broker spreads them): each stop and clear is
 * published as a {@link StopSignal} for the cluster to pass on, and what other nodes sent is
 * {@link #received received} here without being passed on again.
 */
@Component
public class StopSignals {

    private final Set<Long> stopping = ConcurrentHashMap.newKeySet();
    private final ApplicationEventPublisher events;
    private volatile boolean nodeStopping;
    private volatile boolean gaveUp;

    StopSignals(ApplicationEventPublisher events) {
        this.events = events;
    }

    void stop(long batchId) {
        stopping.add(batchId);
        events.publishEvent(new StopSignal(batchId, true));
    }

    void clear(long batchId) {
        stopping.remove(batchId);
        events.publishEvent(new StopSignal(batchId, false));
    }

    /** A stop or clear another node sent: applied on this node, not published again. */
    public void received(StopSignal signal) {
        if (signal.stop()) {
            stopping.add(signal.batchId());
        } else {
            stopping.remove(signal.batchId());
        }
    }

    public boolean stopRequested(long batchId) {
        return nodeStopping || stopping.contains(batchId);
    }

    /** This node is shutting down: no job starts or goes on here; each is handed over once it has stopped. */
    public void stopNode() {
        nodeStopping = true;
    }

    public boolean nodeStopping() {
        return nodeStopping;
    }

    /**
     * The jobs still running here were ended in the job repository and their batches handed over,
     * as recovery would have done after a crash: what their threads still do is not recorded.
     */
    public void giveUp() {
        nodeStopping = true;
        gaveUp = true;
    }

    public boolean gaveUp() {
        return gaveUp;
    }
}
