package org.smsengine.pipeline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Batches this node was asked to stop (pause or abort). Spring Batch's own stop, a STOPPING job
 * execution in the repository, is seen by every node but only between chunks; this signal lets a
 * delivery on this node stop before its next submit, which keeps a pause prompt at any chunk size.
 */
@Component
public class StopSignals {

    private final Set<Long> stopping = ConcurrentHashMap.newKeySet();

    void stop(long batchId) {
        stopping.add(batchId);
    }

    void clear(long batchId) {
        stopping.remove(batchId);
    }

    public boolean stopRequested(long batchId) {
        return stopping.contains(batchId);
    }
}
