package org.smsengine.delivery;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * Paces submissions so that neither a provider's TPS nor a batch's own {@code tps} is exceeded: a
 * token per part (per {@code submit_sm}) from both buckets. A bucket holds a fiftieth of a second's
 * tokens, so even in the worst one-second window a limit is exceeded by at most 2%. Buckets live on
 * this node.
 *
 * <p>A wait for tokens can be long (a low rate, a message of many parts), and the reason to submit
 * may be gone by its end: the batch paused, its node stopping, its send window closed. The wait
 * therefore looks at that condition at least every {@value #SLICE_MILLIS} ms, and once more when it
 * has every token; when it holds, the tokens taken go back and nothing is submitted.
 */
@Component
public class RateLimits {

    private static final int BURST_DIVISOR = 50;
    private static final long SLICE_MILLIS = 50;

    private final Map<String, Bucket> providers = new ConcurrentHashMap<>();
    private final Map<Long, Bucket> batches = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    RateLimits(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Waits until {@code parts} submissions are allowed by the provider's and, if it has one, the
     * batch's limit. Returns false, having taken nothing, when {@code holdBack} held before that or
     * holds once every token is taken: the caller must not submit then.
     */
    boolean acquire(String provider, int providerTps, long batchId, Integer batchTps, int parts, BooleanSupplier holdBack)
            throws InterruptedException {
        Bucket providerBucket = providers.computeIfAbsent(provider, name -> bucket(providerTps));
        Bucket batchBucket = batchTps == null ? null : batches.computeIfAbsent(batchId, id -> bucket(batchTps));
        long started = System.nanoTime();
        try {
            return take(parts, providerBucket, batchBucket, holdBack);
        } finally {
            long waited = System.nanoTime() - started;
            if (waited > 1_000_000) {
                Timer.builder("sms.rate.limit.wait").description("Time a submit waited for the rate limits")
                        .tag("provider", provider).register(meters).record(waited, TimeUnit.NANOSECONDS);
            }
        }
    }

    private boolean take(int parts, Bucket providerBucket, Bucket batchBucket, BooleanSupplier holdBack)
            throws InterruptedException {
        int full = 0;
        while (full < parts) {
            if (batchBucket != null && !take(batchBucket, holdBack)) {
                break;
            }
            if (!take(providerBucket, holdBack)) {
                giveBack(batchBucket, 1);
                break;
            }
            full++;
        }
        if (full < parts || holdBack.getAsBoolean()) {
            giveBack(batchBucket, full);
            giveBack(providerBucket, full);
            return false;
        }
        return true;
    }

    /** The provider answered that it is throttling (cluster-wide back-off: being built with the Redis buckets). */
    void throttled(String provider) {
    }

    /** The batch's delivery has ended on this node; its bucket is not needed any more. */
    void forget(long batchId) {
        batches.remove(batchId);
    }

    private static boolean take(Bucket bucket, BooleanSupplier holdBack) throws InterruptedException {
        while (true) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return true;
            }
            if (holdBack.getAsBoolean()) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(1, Math.min(probe.getNanosToWaitForRefill(),
                    TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS))));
        }
    }

    /** Returns tokens taken for submissions that will not be made. */
    private static void giveBack(Bucket bucket, long tokens) {
        if (bucket != null && tokens > 0) {
            bucket.addTokens(tokens);
        }
    }

    private static Bucket bucket(int tps) {
        long burst = Math.max(1, tps / BURST_DIVISOR);
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(tps, Duration.ofSeconds(1)).initialTokens(burst).build())
                .build();
    }
}
