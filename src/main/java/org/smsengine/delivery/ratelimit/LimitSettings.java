package org.smsengine.delivery.ratelimit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
 * @param redisRetryAfter  while Redis is unreachable, each node paces at limit / live nodes and tries Redis again this
 *                         often (never per message)
 * @param syncInterval     how often each node reads the providers' current rates and reports throttling
 * @param decreaseFactor   on throttling (ESME_RTHROTTLED, HTTP 429), the provider's rate is multiplied by this, at
 *                         most once per cooldown
 * @param decreaseCooldown no second decrease, and no increase, until this long after a throttling answer
 * @param increaseStep     share of the configured rate added back per increaseEvery while no throttling is seen
 * @param increaseEvery    how often the rate goes up by a step, up to the configured rate
 * @param floor            the rate never goes below this share of the configured one (nor below the largest message,
 *                         {@code sms.message.max-segments})
 * @param liveNodeWindow   a node whose heartbeat is younger than this counts among the live nodes whose share is
 *                         taken while Redis is unreachable; unset: {@code sms.recovery.node-timeout} (a node
 *                         recovery has not yet given up on still counts)
 * @param liveNodesRefresh how often the live nodes are counted
 * @param idleReturn       tokens a node leased and has not used for this long go back to the shared bucket
 */
@ConfigurationProperties("sms.delivery.limits")
@Validated
record LimitSettings(
        @DecimalMin("0") @DefaultValue("0.02") double burst,
        @DecimalMin("0") @DefaultValue("0.01") double lease,
        @NotNull @DurationMin(millis = 1) @DefaultValue("500ms") Duration redisTimeout,
        @Positive @DefaultValue("3") int fallbackAfter,
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration redisRetryAfter,
        @NotNull @DurationMin(millis = 1) @DefaultValue("250ms") Duration syncInterval,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @DefaultValue("0.75") double decreaseFactor,
        @NotNull @DurationMin @DefaultValue("2s") Duration decreaseCooldown,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.05") double increaseStep,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration increaseEvery,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.1") double floor,
        @DurationMin(millis = 1) Duration liveNodeWindow,
        @NotNull @DurationMin @DefaultValue("5s") Duration liveNodesRefresh,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration idleReturn) {

    /** The arithmetic of these settings, for messages of at most {@code largestMessage} parts. */
    RateRule rule(int largestMessage) {
        return new RateRule(burst, lease, decreaseFactor, floor, increaseStep, largestMessage);
    }

    /** The live-node window: {@code liveNodeWindow} when set, else the node timeout of recovery. */
    Duration liveNodeWindow(Duration nodeTimeout) {
        return liveNodeWindow != null ? liveNodeWindow : nodeTimeout;
    }
}
