package org.smsengine.delivery.ratelimit;

import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The limits this node takes part in: each provider's rate and token pool, each delivering batch's
 * pool. Every sync interval it tells Redis of the throttling seen here and reads back each
 * provider's cluster-wide rate (or, without Redis, steps the rate alone and tries Redis again now
 * and then), recounts the live nodes now and then, and gives idle leases back.
 */
final class SharedLimits {

    private final SharedRedis redis;
    private final RateSync sync;
    private final LiveNodes liveNodes;
    private final LimitSettings settings;
    private final RateRule rule;
    private final String keyPrefix;
    private final MeterRegistry meters;
    private final Map<String, ProviderRate> rates = new ConcurrentHashMap<>();
    private final Map<String, TokenPool> providerPools = new ConcurrentHashMap<>();
    private final Map<Long, TokenPool> batchPools = new ConcurrentHashMap<>();

    SharedLimits(SharedRedis redis, LiveNodes liveNodes, LimitSettings settings, RateRule rule, String keyPrefix,
            MeterRegistry meters) {
        this.redis = redis;
        this.liveNodes = liveNodes;
        this.settings = settings;
        this.rule = rule;
        this.keyPrefix = keyPrefix;
        this.meters = meters;
        this.sync = new RateSync(settings, rule, keyPrefix);
        Gauge.builder("sms.rate.limit.fallback", redis, r -> r.isUp() ? 0 : 1)
                .description("1 while Redis is unreachable and this node paces at its share of every limit")
                .register(meters);
    }

    ProviderRate rate(String provider, int configuredTps) {
        ProviderRate rate = rates.computeIfAbsent(provider, name -> {
            ProviderRate created = new ProviderRate(name, configuredTps, rule, settings);
            Gauge.builder("sms.rate.limit.tps", created, ProviderRate::current).tag("provider", name)
                    .description("The rate a provider is paced at now, cluster-wide (lowered on throttling)").register(meters);
            return created;
        });
        if (rate.configured() != configuredTps) {
            rate.configure(configuredTps);
        }
        return rate;
    }

    ProviderRate knownRate(String provider) {
        return rates.get(provider);
    }

    TokenPool providerPool(String provider, int configuredTps) {
        ProviderRate rate = rate(provider, configuredTps);
        return providerPools.computeIfAbsent(provider,
                name -> new TokenPool(sync.bucketKey(name), rate::state, redis, liveNodes::count, rule));
    }

    TokenPool batchPool(long batchId, int tps) {
        RateSync.Shared fixed = new RateSync.Shared(Math.max(1, tps), 1);
        return batchPools.computeIfAbsent(batchId,
                id -> new TokenPool(keyPrefix + "rl:batch:" + id, () -> fixed, redis, liveNodes::count, rule));
    }

    void forget(long batchId) {
        TokenPool pool = batchPools.remove(batchId);
        if (pool != null) {
            pool.release();
        }
    }

    @Scheduled(fixedDelayString = "#{@limitSettings.syncInterval}")
    void sync() {
        SharedRedis.Link link = redis.retry();
        if (link != null && !redis.isUp()) {
            link = ping(link);
        }
        liveNodes.refresh();
        for (ProviderRate rate : rates.values()) {
            int before = rate.current();
            boolean throttled = rate.takeThrottled();
            link = step(link, rate, throttled);
            if (rate.current() < before) {
                Counter.builder("sms.rate.limit.decreases").tag("provider", rate.provider())
                        .description("Times a provider's rate was lowered after throttling").register(meters).increment();
            }
        }
        long idle = settings.idleReturn().toNanos();
        providerPools.values().forEach(pool -> pool.releaseIfIdle(idle));
        batchPools.values().forEach(pool -> pool.releaseIfIdle(idle));
    }

    /** One step of the provider's rate: in Redis if it answers, alone otherwise. Returns the link still usable. */
    private SharedRedis.Link step(SharedRedis.Link link, ProviderRate rate, boolean throttled) {
        if (link != null) {
            try {
                rate.follow(sync.sync(link.scripts(), rate.provider(), rate.configured(), throttled));
                redis.answered();
                return link;
            } catch (RuntimeException e) {   // whatever failed in Redis, the node paces alone (see TokenPool) ...
                if (!redis.failed(e)) {
                    // ... unless Redis was only slow this once: the rate stays, throttling is told next time
                    if (throttled) {
                        rate.throttled();
                    }
                    return link;
                }
            }
        }
        rate.stepAlone(throttled, System.nanoTime());
        return null;
    }

    private SharedRedis.Link ping(SharedRedis.Link link) {
        try {
            link.scripts().sync().ping();
            redis.answered();
            return link;
        } catch (RedisException e) {
            redis.failed(e);
            return null;
        }
    }
}
