package org.smsengine.provider.gateway;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether a provider's queue has room: the unsent messages, counted in the database at most every
 * {@code checkInterval} (a count per submission would cost more than the submission), plus what this
 * node queued since. Other nodes' submissions are seen at the next count, so the queue may pass its
 * capacity by what the cluster submits in one interval; when the estimate says full, it is counted
 * again before a submission is turned away.
 */
final class QueueCapacity {

    private final int capacity;
    private final long checkNanos;
    private final LongSupplier count;
    private long counted;
    private long countedAt;
    private boolean everCounted;

    QueueCapacity(int capacity, Duration checkInterval, LongSupplier count) {
        this.capacity = capacity;
        this.checkNanos = checkInterval.toNanos();
        this.count = count;
    }

    /** Reserves room for one message; false when the queue is full. */
    synchronized boolean reserve() {
        long now = System.nanoTime();
        if (!everCounted || now - countedAt >= checkNanos || counted >= capacity) {
            counted = count.getAsLong();
            countedAt = now;
            everCounted = true;
        }
        if (counted >= capacity) {
            return false;
        }
        counted++;
        return true;
    }

    /** Gives back a reservation whose message was not queued after all. */
    synchronized void release() {
        counted = Math.max(0, counted - 1);
    }
}
