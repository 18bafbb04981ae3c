package org.smsengine.delivery.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.smsengine.provider.Providers;
import org.smsengine.routing.ProviderRates;
import org.springframework.stereotype.Component;

/**
 * Paces submissions so that neither a provider's TPS nor a batch's own {@code tps} is exceeded
 * across the cluster: a token per part (per {@code submit_sm}) from both limits, whose buckets are
 * shared by every node in Redis and leased a few tokens at a time ({@link SharedLimits}). A
 * provider that answers with throttling has its rate lowered for every node, and raised back while
 * it answers without. While Redis is unreachable each node paces at its share of every limit.
 *
 * <p>A wait for tokens can be long (a low rate, a message of many parts), and the reason to submit
 * may be gone by its end: the batch paused, its node stopping, its send window closed. The wait
 * therefore looks at that condition at least every {@value #SLICE_MILLIS} ms, and once more when it
 * has every token; when it holds, the tokens taken go back and nothing is submitted.
 */
@Component
public class RateLimits implements ProviderRates {

    private static final long SLICE_MILLIS = 50;

    private final SharedLimits limits;
    private final Providers providers;
    private final MeterRegistry meters;

    RateLimits(SharedLimits limits, Providers providers, MeterRegistry meters) {
        this.limits = limits;
        this.providers = providers;
        this.meters = meters;
    }

    /**
     * Waits until {@code parts} submissions are allowed by the provider's and, if it has one, the
     * batch's limit. Returns false, having taken nothing, when {@code holdBack} held before that or
     * holds once every token is taken: the caller must not submit then.
     */
    public boolean acquire(String provider, int providerTps, long batchId, Integer batchTps, int parts, BooleanSupplier holdBack)
            throws InterruptedException {
        TokenPool providerPool = limits.providerPool(provider, providerTps);
        TokenPool batchPool = batchTps == null ? null : limits.batchPool(batchId, batchTps);
        long started = System.nanoTime();
        try {
            return take(parts, providerPool, batchPool, holdBack);
        } finally {
            long waited = System.nanoTime() - started;
            if (waited > 1_000_000) {
                Timer.builder("sms.rate.limit.wait").description("Time a submit waited for the rate limits")
                        .tag("provider", provider).register(meters).record(waited, TimeUnit.NANOSECONDS);
            }
        }
    }

    /**
     * Tokens for a submit outside the batch's delivery (a test-send) from the same limits its messages take
     * them from: the provider's and, if it has one, the batch's. Waits at most {@code patience}; false, having
     * taken nothing, when they did not come in time. The batch's pool is dropped again (its tokens back to the
     * cluster): the batch is not being delivered here, or it would not be test-sent.
     */
    public boolean acquireWithin(String provider, long batchId, Integer batchTps, int parts, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            return acquire(provider, providers.tps(provider), batchId, batchTps, parts, () -> System.nanoTime() - deadline >= 0);
        } finally {
            if (batchTps != null) {
                limits.forget(batchId);
            }
        }
    }

    private static boolean take(int parts, TokenPool providerPool, TokenPool batchPool, BooleanSupplier holdBack)
            throws InterruptedException {
        if (parts <= 0) {
            return !holdBack.getAsBoolean();
        }
        if (batchPool != null && !take(batchPool, parts, holdBack)) {
            return false;
        }
        if (!take(providerPool, parts, holdBack)) {
            giveBack(batchPool, parts);
            return false;
        }
        if (holdBack.getAsBoolean()) {
            giveBack(batchPool, parts);
            giveBack(providerPool, parts);
            return false;
        }
        return true;
    }

    private static boolean take(TokenPool pool, int parts, BooleanSupplier holdBack) throws InterruptedException {
        while (true) {
            long wait = pool.tryTake(parts);
            if (wait == 0) {
                return true;
            }
            if (holdBack.getAsBoolean()) {
                pool.release();
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS)));
        }
    }

    /** Tokens taken for a submit that will not be made go back to the cluster: this partition stops here. */
    private static void giveBack(TokenPool pool, int parts) {
        if (pool != null) {
            pool.putBack(parts);
            pool.release();
        }
    }

    /** The batch's delivery has ended on this node; its tokens go back and its pool is not needed any more. */
    public void forget(long batchId) {
        limits.forget(batchId);
    }

    /**
     * The provider answered a submit with throttling (ESME_RTHROTTLED, HTTP 429): its rate is lowered
     * for the whole cluster at the next sync, at most once per cooldown whichever nodes saw it.
     */
    public void throttled(String provider) {
        ProviderRate rate = limits.knownRate(provider);
        if (rate != null) {
            rate.throttled();
        }
    }

    /** The rate (parts per second, the whole cluster's) the provider is paced at now. */
    @Override
    public int currentTps(String provider) {
        ProviderRate rate = limits.knownRate(provider);
        return rate != null ? rate.current() : providers.tps(provider);
    }
}
