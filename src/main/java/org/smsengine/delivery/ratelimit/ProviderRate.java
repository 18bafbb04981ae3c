package org.smsengine.delivery.ratelimit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A provider's rate as this node paces it: the configured TPS, the current one (lowered on
 * throttling, raised back while none is seen), and the version of its last change. With Redis, the
 * current rate is the cluster's, read every sync; without, this node backs off and recovers alone
 * by the same rule.
 */
final class ProviderRate {

    private final String provider;
    private final RateRule rule;
    private final long cooldownNanos;
    private final long increaseNanos;
    private final AtomicBoolean throttled = new AtomicBoolean();
    private volatile int configured;
    private volatile RateSync.Shared state;
    private long lastThrottled = Long.MIN_VALUE / 2;
    private long lastLowered = Long.MIN_VALUE / 2;
    private long lastRaised = Long.MIN_VALUE / 2;

    ProviderRate(String provider, int configured, RateRule rule, LimitSettings settings) {
        this.provider = provider;
        this.rule = rule;
        this.configured = Math.max(1, configured);
        this.state = new RateSync.Shared(this.configured, 0);
        this.cooldownNanos = settings.decreaseCooldown().toNanos();
        this.increaseNanos = settings.increaseEvery().toNanos();
    }

    String provider() {
        return provider;
    }

    int configured() {
        return configured;
    }

    /** The configuration may change (a restart with another TPS, routing): the rate never stays above it. */
    void configure(int tps) {
        configured = Math.max(1, tps);
        RateSync.Shared now = state;
        if (now.rate() > configured) {
            state = new RateSync.Shared(configured, now.version() + 1);
        }
    }

    int current() {
        return state.rate();
    }

    /** The current rate with the version of its last change, read together. */
    RateSync.Shared state() {
        return state;
    }

    void throttled() {
        throttled.set(true);
    }

    /** Whether throttling was reported since the last sync (and forgets it). */
    boolean takeThrottled() {
        return throttled.getAndSet(false);
    }

    /** The cluster's rate, as Redis answered. */
    void follow(RateSync.Shared shared) {
        state = new RateSync.Shared(Math.min(configured, shared.rate()), shared.version());
    }

    /** Without Redis: the same rule, on this node alone. Returns whether the rate changed. */
    synchronized boolean stepAlone(boolean throttledNow, long nanos) {
        int before = state.rate();
        int current = before;
        if (throttledNow) {
            lastThrottled = nanos;
            if (nanos - lastLowered >= cooldownNanos) {
                lastLowered = nanos;
                current = rule.decreased(current, configured);
            }
        } else if (current < configured && nanos - lastThrottled >= cooldownNanos && nanos - lastRaised >= increaseNanos) {
            lastRaised = nanos;
            current = rule.increased(current, configured);
        }
        if (current != before) {
            state = new RateSync.Shared(current, state.version() + 1);
            return true;
        }
        return false;
    }
}
