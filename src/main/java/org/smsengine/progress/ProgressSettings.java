package org.smsengine.progress;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Progress, in Redis and as a stream ({@code sms.progress}).
 *
 * @param keyPrefix         prefix of the engine's Redis keys
 * @param flushInterval     how often pending progress is written to Redis (writes coalesce per batch)
 * @param rateWindow        the span over which the current rate is measured
 * @param ttl               how long an idle batch's progress stays in Redis
 * @param redisRetryAfter   after a Redis failure, how long to use PostgreSQL alone before trying Redis again
 * @param streamInterval    how often the progress stream sends an event
 * @param streamTimeout     how long a progress stream stays open before the client must reconnect
 * @param maxStreams        progress streams this node serves at once (429 beyond)
 * @param maxStreamsPerUser progress streams one user may have open at once on this node (429 beyond)
 * @param foldInterval      how often each node folds the batches' counter slots (written by the steps without
 *                          contention) into their rows, and publishes what changed
 */
@ConfigurationProperties("sms.progress")
@Validated
public record ProgressSettings(
        @DefaultValue("sms:") String keyPrefix,
        @NotNull @DurationMin(millis = 1) @DefaultValue("100ms") Duration flushInterval,
        @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration rateWindow,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("7d") Duration ttl,
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration redisRetryAfter,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration streamInterval,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1h") Duration streamTimeout,
        @Positive @DefaultValue("10") int maxStreamsPerUser,
        @Positive @DefaultValue("200") int maxStreams,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration foldInterval) {
}
