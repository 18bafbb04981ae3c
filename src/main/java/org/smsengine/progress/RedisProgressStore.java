package org.smsengine.progress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis side of progress: one hash per batch plus a short list of rate samples.
 *
 * <p>A write carries the batch's {@code seq} and a Lua script applies it only when it is newer
 * than what the hash holds, so writes that arrive out of order never move counters backwards, and
 * writing the database's current row after an outage is all the reconciliation Redis needs. One
 * script call per batch per flush moves all of a batch's counters at once. Everything goes over
 * the shared connection: pipelining through Spring Data would open a dedicated connection per call.
 */
final class RedisProgressStore {

    private static final int MAX_SAMPLES = 64;
    private static final String WRITE_IF_NEWER = """
            local current = tonumber(redis.call('HGET', KEYS[1], 'seq') or '-1')
            if current >= tonumber(ARGV[1]) then return 0 end
            redis.call('HSET', KEYS[1], 'seq', ARGV[1], unpack(ARGV, 4))
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            redis.call('LPUSH', KEYS[2], ARGV[3])
            redis.call('LTRIM', KEYS[2], 0, %d)
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            return 1
            """.formatted(MAX_SAMPLES - 1);
    private static final RedisScript<Long> SCRIPT = RedisScript.of(WRITE_IF_NEWER, Long.class);

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final long ttlSeconds;

    RedisProgressStore(StringRedisTemplate redis, String keyPrefix, long ttlSeconds) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttlSeconds = ttlSeconds;
    }

    void write(Collection<ProgressSnapshot> snapshots) {
        for (ProgressSnapshot snapshot : snapshots) {
            StepProgress step = StepProgress.of(snapshot);
            RateSample sample = new RateSample(String.valueOf(step.step()), snapshot.updatedAt().toEpochMilli(),
                    step.processed());
            List<String> args = new ArrayList<>();
            args.add(Long.toString(snapshot.seq()));
            args.add(Long.toString(ttlSeconds));
            args.add(sample.encode());
            snapshot.toHash().forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
            redis.execute(SCRIPT, List.of(hashKey(snapshot.batchId()), samplesKey(snapshot.batchId())), args.toArray());
        }
    }

    /** The batch's hash and samples, or empty when Redis holds nothing for it. */
    Optional<Stored> read(long batchId) {
        Map<String, String> hash = redis.<String, String>opsForHash().entries(hashKey(batchId));
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        List<String> samples = redis.opsForList().range(samplesKey(batchId), 0, -1);
        List<RateSample> decoded = samples == null ? List.of()
                : samples.stream().map(RateSample::decode).flatMap(Optional::stream).toList();
        return Optional.of(new Stored(ProgressSnapshot.fromHash(hash), decoded));
    }

    private String hashKey(long batchId) {
        return keyPrefix + "batch:" + batchId + ":progress";
    }

    private String samplesKey(long batchId) {
        return keyPrefix + "batch:" + batchId + ":samples";
    }

    record Stored(ProgressSnapshot snapshot, List<RateSample> samples) {
    }
}
