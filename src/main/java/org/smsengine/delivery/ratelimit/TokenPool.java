package org.smsengine.delivery.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * This node's tokens of one limit. With Redis, they are leased from the cluster's shared bucket a
 * few at a time (a lease is a small share of a second's tokens) and handed out here, so that a
 * submit costs no round trip; without, they come from a bucket of this node's share of the limit.
 * When the shared bucket is empty, the node waits as long as it said before asking again, however
 * many threads want tokens. Any failure of a shared bucket (Redis unreachable or slow, mostly:
 * {@code RedisException}, bucket4j's timeouts and retries given up; but whatever it is) makes the
 * node pace alone: a submit must never fail because the limiter's store did.
 */
final class TokenPool {

    private static final long MAX_WAIT_NANOS = Duration.ofMillis(50).toNanos();

    private final String key;
    private final Supplier<RateSync.Shared> rate;
    private final SharedRedis redis;
    private final IntSupplier liveNodes;
    private final RateRule rule;
    private long held;
    private long notBefore;
    private long lastUsed = System.nanoTime();
    private Bucket shared;
    private long sharedVersion = Long.MIN_VALUE;
    private Bucket alone;
    private int aloneRate;

    TokenPool(String key, Supplier<RateSync.Shared> rate, SharedRedis redis, IntSupplier liveNodes, RateRule rule) {
        this.key = key;
        this.rate = rate;
        this.redis = redis;
        this.liveNodes = liveNodes;
        this.rule = rule;
    }

    /** Takes {@code parts} tokens: 0 when taken, otherwise the nanoseconds to wait before trying again. */
    synchronized long tryTake(int parts) {
        long now = System.nanoTime();
        lastUsed = now;
        while (held < parts) {
            if (now - notBefore < 0) {
                return notBefore - now;
            }
            long leased = lease(parts - held);
            if (leased < 0) {
                notBefore = now - leased;
                return -leased;
            }
            held += leased;
        }
        held -= parts;
        return 0;
    }

    /** Tokens taken for a submit that will not be made: kept for the next one. */
    synchronized void putBack(long tokens) {
        held += tokens;
    }

    /** Every token held goes back to the bucket: nobody here will use them soon (a stop, an idle limit). */
    synchronized void release() {
        if (held == 0) {
            return;
        }
        long tokens = held;
        held = 0;
        SharedRedis.Link link = redis.link();
        if (link != null) {
            try {
                sharedBucket(link, rate.get()).addTokens(tokens);
                return;
            } catch (RuntimeException e) {
                redis.failed(e);
            }
        }
        aloneBucket().addTokens(tokens);
    }

    synchronized void releaseIfIdle(long idleNanos) {
        if (held > 0 && System.nanoTime() - lastUsed > idleNanos) {
            release();
        }
    }

    /** Leases tokens for {@code missing} parts: how many, or minus the nanoseconds to wait. */
    private long lease(long missing) {
        SharedRedis.Link link = redis.link();
        if (link != null) {
            try {
                RateSync.Shared now = rate.get();
                long leased = leaseFrom(sharedBucket(link, now), rule.leaseFor(now.rate(), missing));
                redis.succeeded();
                return leased;
            } catch (RuntimeException e) {
                if (!redis.failed(e)) {
                    return -MAX_WAIT_NANOS;
                }
            }
        }
        Bucket bucket = aloneBucket();
        return leaseFrom(bucket, rule.leaseFor(aloneRate, missing));
    }

    private static long leaseFrom(Bucket bucket, long tokens) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(tokens);
        if (probe.isConsumed()) {
            return tokens;
        }
        // a lease above the capacity another node just lowered waits for this node's next sync
        return -Math.max(1, Math.min(probe.getNanosToWaitForRefill(), MAX_WAIT_NANOS));
    }

    /** The shared bucket; a newer rate replaces its configuration in Redis with the next request (tokens as they are). */
    private Bucket sharedBucket(SharedRedis.Link link, RateSync.Shared now) {
        if (shared == null || sharedVersion != now.version()) {
            shared = link.proxies().builder().withImplicitConfigurationReplacement(now.version(), TokensInheritanceStrategy.AS_IS)
                    .build(key, () -> configuration(now.rate()));
            sharedVersion = now.version();
        }
        return shared;
    }

    private Bucket aloneBucket() {
        int share = rule.share(rate.get().rate(), liveNodes.getAsInt());
        if (alone == null) {
            alone = Bucket.builder().addLimit(bandwidth(share)).build();
        } else if (share != aloneRate) {
            alone.replaceConfiguration(configuration(share), TokensInheritanceStrategy.AS_IS);
        }
        aloneRate = share;
        return alone;
    }

    private BucketConfiguration configuration(int tps) {
        return BucketConfiguration.builder().addLimit(bandwidth(tps)).build();
    }

    private Bandwidth bandwidth(int tps) {
        long capacity = rule.capacity(tps);
        return Bandwidth.builder().capacity(capacity).refillGreedy(tps, Duration.ofSeconds(1)).initialTokens(capacity)
                .id("rate").build();
    }
}
