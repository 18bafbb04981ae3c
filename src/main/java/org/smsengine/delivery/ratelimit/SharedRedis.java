package org.smsengine.delivery.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RetryDecision;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.BucketExceptions;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.core.NestedExceptionUtils;

/**
 * The Redis of the shared limits: a client of its own on Spring's Redis address, whose commands
 * fail at once while Redis is unreachable (Spring's own connections keep their settings), and
 * whether it is usable now. Only the limits' sync thread connects or tries Redis again
 * ({@link #retry}), so that no submit ever waits on a connection attempt; a submit that meets a
 * failure reports it ({@link #failed}) and the node falls back to its share until Redis answers.
 */
final class SharedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);

    private final RedisClient client;
    private final LimitSettings settings;
    private volatile Link link;
    private volatile boolean up;
    private volatile long retryAt;
    private final AtomicInteger slowInARow = new AtomicInteger();

    /** The connections: bucket4j's (binary values), and the scripts' (text). */
    record Link(StatefulRedisConnection<String, byte[]> buckets, StatefulRedisConnection<String, String> scripts,
            ProxyManager<String> proxies) {
    }

    SharedRedis(RedisProperties redis, ClientResources resources, LimitSettings settings) {
        this.settings = settings;
        RedisURI uri = uri(redis);
        uri.setTimeout(settings.redisTimeout());
        this.client = RedisClient.create(resources, uri);
        Duration connectTimeout = redis.getConnectTimeout() != null ? redis.getConnectTimeout() : Duration.ofSeconds(1);
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build()).build());
    }

    /** The link while Redis is usable; null while this node paces alone. */
    Link link() {
        return up ? link : null;
    }

    /**
     * A Redis request of the limits failed. Unreachable, the node paces alone until Redis answers the
     * sync thread again; slow (a timeout, compare-and-swap given up under contention: a busy moment,
     * most likely), only after {@code fallback-after} such answers in a row. Returns whether it paces alone.
     */
    boolean failed(RuntimeException e) {
        if (slow(e) && slowInARow.incrementAndGet() < settings.fallbackAfter()) {
            return false;
        }
        slowInARow.set(0);
        retryAt = System.nanoTime() + settings.redisRetryAfter().toNanos();
        if (up) {
            up = false;
            log.warn("Redis is unreachable for the rate limits ({}); each node paces at its share of every limit,"
                    + " and Redis is tried again every {}", NestedExceptionUtils.getMostSpecificCause(e).getMessage(),
                    settings.redisRetryAfter());
        }
        return true;
    }

    /** A request of the limits went through: slow answers before it were a moment. */
    void succeeded() {
        if (slowInARow.get() != 0) {
            slowInARow.set(0);
        }
    }

    private static boolean slow(RuntimeException e) {
        return e instanceof BucketExceptions.BucketExecutionException
                || NestedExceptionUtils.getMostSpecificCause(e) instanceof RedisCommandTimeoutException;
    }

    /** Called by the sync thread: connects, or tries Redis again, when it is time to. Returns the link to try with. */
    Link retry() {
        if (up) {
            return link;
        }
        if (System.nanoTime() - retryAt < 0) {
            return null;
        }
        retryAt = System.nanoTime() + settings.redisRetryAfter().toNanos();
        try {
            if (link == null) {
                link = connect();
            }
            return link;
        } catch (RuntimeException e) {
            failed(e);
            return null;
        }
    }

    /** The sync thread's request went through: Redis is usable again (or for the first time). */
    void answered() {
        succeeded();
        if (!up) {
            up = true;
            log.info("Redis is reachable for the rate limits; the shared buckets pace the cluster again");
        }
    }

    boolean isUp() {
        return up;
    }

    private Link connect() {
        StatefulRedisConnection<String, byte[]> buckets = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        StatefulRedisConnection<String, String> scripts = client.connect();
        long retryNanos = settings.redisTimeout().toNanos();
        ProxyManager<String> proxies = Bucket4jLettuce.casBasedBuilder(buckets)
                // a bucket's key lives until it would be full again, and a little longer
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(settings.redisTimeout())
                // concurrent nodes retry their compare-and-swap, with a pause, within the request timeout
                .retryStrategy(attempt -> attempt.getElapsedTimeNanos() < retryNanos
                        ? RetryDecision.retryAfter(Duration.ofMillis(1)) : RetryDecision.stop())
                .build();
        return new Link(buckets, scripts, proxies);
    }

    private static RedisURI uri(RedisProperties redis) {
        if (redis.getUrl() != null && !redis.getUrl().isBlank()) {
            return RedisURI.create(redis.getUrl());
        }
        RedisURI.Builder uri = RedisURI.builder().withHost(redis.getHost()).withPort(redis.getPort())
                .withDatabase(redis.getDatabase()).withSsl(redis.getSsl().isEnabled());
        if (redis.getPassword() != null) {
            uri = redis.getUsername() != null ? uri.withAuthentication(redis.getUsername(), redis.getPassword().toCharArray())
                    : uri.withPassword(redis.getPassword().toCharArray());
        }
        return uri.build();
    }

    @Override
    public void close() {
        Link current = link;
        if (current != null) {
            current.buckets().close();
            current.scripts().close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
}
