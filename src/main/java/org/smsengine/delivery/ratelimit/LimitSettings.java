package org.smsengine.delivery.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cluster-wide rate limits ({@code sms.delivery.limits}): buckets shared in Redis, taken in
 * small leases; the provider's rate backs off on throttling and recovers (AIMD).
 *
 * @param burst            a shared bucket holds this share of a second's tokens (the burst after a pause)
 * @param lease            a node takes this share of a second's tokens from Redis at a time and hands them out
 *                         itself; burst + nodes x lease bounds the overshoot in any one-second window
 * @param redisTimeout     longest wait for one Redis request of the limits (its compare-and-swap retries included)
 * @param fallbackAfter    slow answers (beyond redisTimeout) in a row after which the node paces alone; an unreachable
 *                         Redis makes it pace alone at once
 * @param redisRetryAfter  while Redis is unreachable, how often it is tried again (never per message)
 * @param syncInterval     how often each node reads the providers' current rates and reports throttling
 * @param decreaseFactor   on throttling, the provider's rate is multiplied by this, at most once per cooldown
 * @param decreaseCooldown no second decrease, and no increase, until this long after a throttling answer
 * @param increaseStep     share of the configured rate added back per increaseEvery while no throttling is seen
 * @param increaseEvery    how often the rate goes up by a step
 * @param floor            the rate never goes below this share of the configured one (nor below the largest message)
 * @param liveNodeWindow   a node whose heartbeat is younger than this counts among the live nodes whose share is
 *                         taken while Redis is unreachable
 * @param liveNodesRefresh how often the live nodes are counted
 * @param idleReturn       tokens a node leased and has not used for this long go back to the shared bucket
 */
@ConfigurationProperties("sms.delivery.limits")
record LimitSettings(
        @DefaultValue("0.02") double burst,
        @DefaultValue("0.01") double lease,
        @DefaultValue("500ms") Duration redisTimeout,
        @DefaultValue("3") int fallbackAfter,
        @DefaultValue("5s") Duration redisRetryAfter,
        @DefaultValue("250ms") Duration syncInterval,
        @DefaultValue("0.75") double decreaseFactor,
        @DefaultValue("2s") Duration decreaseCooldown,
        @DefaultValue("0.05") double increaseStep,
        @DefaultValue("1s") Duration increaseEvery,
        @DefaultValue("0.1") double floor,
        @DefaultValue("30s") Duration liveNodeWindow,
        @DefaultValue("5s") Duration liveNodesRefresh,
        @DefaultValue("1s") Duration idleReturn) {

    /** The arithmetic of these settings, for messages of at most {@code largestMessage} parts. */
    RateRule rule(int largestMessage) {
        return new RateRule(burst, lease, decreaseFactor, floor, increaseStep, largestMessage);
    }
}
