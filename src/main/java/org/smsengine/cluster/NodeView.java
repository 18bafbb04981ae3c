package org.smsengine.cluster;

import java.time.OffsetDateTime;

/**
 * A node as operators see it ({@code GET /api/v1/cluster/nodes}).
 *
 * @param node              its id (host/pid/random: a node that restarts is a new node)
 * @param alive             its heartbeat is younger than {@code sms.recovery.node-timeout}
 * @param partitionsRunning partitions of any batch's steps running on it now
 * @param broker            {@code connected}, {@code disconnected}, or {@code none} (no broker configured: it
 *                          runs its own batches' partitions itself)
 */
public record NodeView(String node, String host, OffsetDateTime startedAt, OffsetDateTime lastSeen, boolean alive,
        int partitionsRunning, String broker) {
}
