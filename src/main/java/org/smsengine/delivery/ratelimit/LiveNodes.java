package org.smsengine.delivery.ratelimit;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many nodes are alive, counted now and then (never per message) from their heartbeats: while
 * Redis is unreachable each node paces at its share of a limit, the limit over this number.
 */
final class LiveNodes {

    private static final Logger log = LoggerFactory.getLogger(LiveNodes.class);

    private final NodeCountMapper nodes;
    private final LimitSettings settings;
    private final long windowMillis;
    private volatile int count = 1;
    private long countedAt;
    private boolean counted;

    LiveNodes(NodeCountMapper nodes, LimitSettings settings, Duration nodeTimeout) {
        this.nodes = nodes;
        this.settings = settings;
        this.windowMillis = settings.liveNodeWindow(nodeTimeout).toMillis();
    }

    int count() {
        return count;
    }

    /** Counts again if the last count is old; PostgreSQL down keeps the last count. Called by the sync thread only. */
    void refresh() {
        long now = System.nanoTime();
        if (counted && now - countedAt < settings.liveNodesRefresh().toNanos()) {
            return;
        }
        counted = true;
        countedAt = now;
        try {
            // this node counts itself even before its first heartbeat
            count = Math.max(1, nodes.liveNodes(windowMillis));
        } catch (RuntimeException e) {
            log.debug("Could not count the live nodes; keeping {}: {}", count, e.getMessage());
        }
    }
}
