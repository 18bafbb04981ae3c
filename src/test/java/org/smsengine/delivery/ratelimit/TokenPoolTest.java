package org.smsengine.delivery.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A node's pool without Redis (never connected here): its share of the limit, and tokens kept for the next submit. */
class TokenPoolTest {

    private static final LimitSettings SETTINGS = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("sms.delivery.limits", LimitSettings.class);
    private static ClientResources resources;
    private static SharedRedis redis;

    @BeforeAll
    static void noRedis() {
        resources = DefaultClientResources.create();
        RedisProperties properties = new RedisProperties();
        properties.setUrl("redis://127.0.0.1:1");
        redis = new SharedRedis(properties, resources, SETTINGS);
    }

    @AfterAll
    static void close() {
        redis.close();
        resources.shutdown(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void withoutRedisANodeOfTwoPacesAtHalfTheLimit() throws InterruptedException {
        TokenPool pool = new TokenPool("p", () -> new RateSync.Shared(1000, 1), redis, () -> 2, SETTINGS.rule(10));
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(1).toNanos();
        int taken = 0;
        while (System.nanoTime() < end) {
            long wait = pool.tryTake(1);
            if (wait == 0) {
                taken++;
            } else {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, end - System.nanoTime() + 1));
            }
        }
        // 500 a second, and what the bucket held at the start (10) and the last lease (5)
        assertThat(taken).isBetween(400, 515);
    }

    @Test
    void tokensPutBackServeTheNextSubmitAndALongMessageTakesSeveralLeases() {
        TokenPool slow = new TokenPool("p", () -> new RateSync.Shared(1, 1), redis, () -> 1, SETTINGS.rule(10));
        assertThat(slow.tryTake(1)).as("the bucket starts with its burst of one").isZero();
        assertThat(slow.tryTake(1)).as("the next in a second (asked again within 50 ms at most)").isPositive();
        slow.putBack(1);
        assertThat(slow.tryTake(1)).as("the token put back").isZero();

        TokenPool pool = new TokenPool("p", () -> new RateSync.Shared(100, 1), redis, () -> 1, SETTINGS.rule(10));
        assertThat(pool.tryTake(2)).isZero();
        long started = System.nanoTime();
        long wait;
        while ((wait = pool.tryTake(5)) > 0 && System.nanoTime() - started < Duration.ofSeconds(2).toNanos()) {
            sleepNanos(wait);
        }
        assertThat(wait).as("five parts from a bucket of two, a lease of at most two at a time").isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("five parts at 100 a second")
                .isGreaterThanOrEqualTo(Duration.ofMillis(40));
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
