package org.smsengine.delivery;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Paces submissions so that neither a provider's TPS nor a batch's own {@code tps} is exceeded: a
 * token per part (per {@code submit_sm}) from both buckets. A bucket holds a fiftieth of a second's
 * tokens, so even in the worst one-second window a limit is exceeded by at most 2%. Buckets live on
 * this node.
 */
@Component
public class RateLimits {

    private static final int BURST_DIVISOR = 50;

    private final Map<String, Bucket> providers = new ConcurrentHashMap<>();
    private final Map<Long, Bucket> batches = new ConcurrentHashMap<>();

    /** Blocks until {@code parts} submissions are allowed by the provider's and, if it has one, the batch's limit. */
    void acquire(String provider, int providerTps, long batchId, Integer batchTps, int parts) throws InterruptedException {
        Bucket providerBucket = providers.computeIfAbsent(provider, name -> bucket(providerTps));
        Bucket batchBucket = batchTps == null ? null : batches.computeIfAbsent(batchId, id -> bucket(batchTps));
        for (int i = 0; i < parts; i++) {
            if (batchBucket != null) {
                batchBucket.asBlocking().consume(1);
            }
            providerBucket.asBlocking().consume(1);
        }
    }

    /** The batch's delivery has ended on this node; its bucket is not needed any more. */
    void forget(long batchId) {
        batches.remove(batchId);
    }

    private static Bucket bucket(int tps) {
        long burst = Math.max(1, tps / BURST_DIVISOR);
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(tps, Duration.ofSeconds(1)).initialTokens(burst).build())
                .build();
    }
}
