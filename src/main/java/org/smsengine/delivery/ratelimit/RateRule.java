package org.smsengine.delivery.ratelimit;

/**
 * The arithmetic of the shared limits, apart from Redis so that it can be checked alone: how many
 * tokens a bucket holds and a node leases, and how a provider's rate backs off and recovers
 * (additive increase, multiplicative decrease). The Redis script applies the same rules with the
 * floor and step computed here.
 */
record RateRule(double burst, double lease, double decreaseFactor, double floor, double increaseStep, int largestMessage) {

    /** Tokens a bucket of this rate holds: its burst, at least one. */
    long capacity(int rate) {
        return Math.max(1, (long) (rate * burst));
    }

    /** Tokens a node takes at a time for {@code missing} parts: a lease, more for a long message, never above capacity. */
    long leaseFor(int rate, long missing) {
        return Math.min(capacity(rate), Math.max(missing, Math.max(1, (long) (rate * lease))));
    }

    /**
     * The lowest the rate may fall: a share of the configured one, but not below the parts of the
     * largest message (one message should not take more than a second), nor above the configured rate.
     */
    int floor(int configured) {
        return Math.min(configured, Math.max(Math.max(1, largestMessage), (int) Math.ceil(configured * floor)));
    }

    int decreased(int rate, int configured) {
        return Math.min(rate, Math.max(floor(configured), (int) (rate * decreaseFactor)));
    }

    int step(int configured) {
        return Math.max(1, (int) Math.round(configured * increaseStep));
    }

    int increased(int rate, int configured) {
        return Math.min(configured, rate + step(configured));
    }

    /** This node's share of a rate while Redis is unreachable. */
    int share(int rate, int liveNodes) {
        return Math.max(1, rate / Math.max(1, liveNodes));
    }

    /**
     * The most a limit of {@code rate} lets through in any one-second window, at worst: a full
     * bucket, every node's unused lease, and a second's refill.
     */
    long worstSecond(int rate, int nodes) {
        return rate + capacity(rate) + nodes * leaseFor(rate, 1);
    }
}
