package org.smsengine.progress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.system.Outages;
import org.springframework.core.NestedExceptionUtils;

/**
 * Remembers that Redis just failed, so that for a while nobody waits on it: reads go straight to
 * PostgreSQL and writes stay pending. One warning per outage, one line when Redis is back.
 */
final class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private final Duration retryAfter;
    private final Clock clock;
    private volatile Instant downUntil = Instant.MIN;
    private volatile boolean down;
    private final Counter fallbacks;

    private final Outages outages;

    RedisGuard(Duration retryAfter, Clock clock, MeterRegistry meters, Outages outages) {
        this.outages = outages;
        this.retryAfter = retryAfter;
        this.clock = clock;
        this.fallbacks = Counter.builder("sms.redis.fallbacks")
                .description("Redis operations that failed, the progress served from PostgreSQL instead").register(meters);
    }

    boolean mayTry() {
        return !clock.instant().isBefore(downUntil);
    }

    void failed(RuntimeException e) {
        fallbacks.increment();
        downUntil = clock.instant().plus(retryAfter);
        outages.unreachable(Outages.Service.REDIS);
        if (!down) {
            down = true;
            log.warn("Redis is unreachable ({}); progress is served from PostgreSQL and Redis is retried every {}",
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage(), retryAfter);
        }
    }

    void succeeded() {
        if (down) {
            outages.reachable(Outages.Service.REDIS);
            down = false;
            log.info("Redis is reachable again; progress views are brought up to date");
        }
    }
}
