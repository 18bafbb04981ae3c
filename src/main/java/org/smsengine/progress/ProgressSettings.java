package org.smsengine.progress;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keyPrefix       prefix of the engine's Redis keys
 * @param flushInterval   how often pending progress is written to Redis (writes coalesce per batch)
 * @param rateWindow      the span over which the current rate is measured
 * @param ttl             how long an idle batch's progress stays in Redis
 * @param redisRetryAfter after a Redis failure, how long to use PostgreSQL alone before trying Redis again
 * @param streamInterval  how often the progress stream sends an event
 * @param streamTimeout   how long a progress stream stays open before the client must reconnect
 * @param maxStreamsPerUser progress streams one user may have open at once on this node (429 beyond)
 * @param maxStreams      progress streams this node serves at once (429 beyond)
 */
@ConfigurationProperties("sms.progress")
public record ProgressSettings(
        @DefaultValue("sms:") String keyPrefix,
        @DefaultValue("100ms") Duration flushInterval,
        @DefaultValue("10s") Duration rateWindow,
        @DefaultValue("7d") Duration ttl,
        @DefaultValue("5s") Duration redisRetryAfter,
        @DefaultValue("1s") Duration streamInterval,
        @DefaultValue("1h") Duration streamTimeout,
        @DefaultValue("10") int maxStreamsPerUser,
        @DefaultValue("200") int maxStreams) {
}
