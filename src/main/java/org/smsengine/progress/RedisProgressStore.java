package org.smsengine.progress;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis side of progress: one hash per batch plus a short list of rate samples.
 *
 * <p>A write carries the batch's {@code seq} and a Lua script applies it only when it is newer
 * than what the hash holds, so writes that arrive out of order never move counters backwards, and
 * writing the database's current row after an outage is all the reconciliation Redis needs.
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

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final long ttlSeconds;

    RedisProgressStore(StringRedisTemplate redis, String keyPrefix, long ttlSeconds) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttlSeconds = ttlSeconds;
    }

    /** Writes the snapshots in one pipelined round trip. */
    void write(Collection<ProgressSnapshot> snapshots) {
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (ProgressSnapshot snapshot : snapshots) {
                byte[][] keysAndArgs = keysAndArgs(snapshot);
                connection.scriptingCommands().eval(WRITE_IF_NEWER.getBytes(StandardCharsets.UTF_8), ReturnType.INTEGER, 2,
                        keysAndArgs);
            }
            return null;
        });
    }

    private byte[][] keysAndArgs(ProgressSnapshot snapshot) {
        StepProgress step = StepProgress.of(snapshot);
        RateSample sample = new RateSample(String.valueOf(step.step()), snapshot.updatedAt().toEpochMilli(), step.processed());
        List<String> values = new ArrayList<>();
        values.add(hashKey(snapshot.batchId()));
        values.add(samplesKey(snapshot.batchId()));
        values.add(Long.toString(snapshot.seq()));
        values.add(Long.toString(ttlSeconds));
        values.add(sample.encode());
        snapshot.toHash().forEach((field, value) -> {
            values.add(field);
            values.add(value);
        });
        return values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /** The batch's hash and samples, or empty when Redis holds nothing for it. */
    Optional<Stored> read(long batchId) {
        List<Object> replies = redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection strings = (StringRedisConnection) connection;
            strings.hGetAll(hashKey(batchId));
            strings.lRange(samplesKey(batchId), 0, -1);
            return null;
        });
        @SuppressWarnings("unchecked")
        Map<String, String> hash = (Map<String, String>) replies.get(0);
        if (hash == null || hash.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<String> samples = (List<String>) replies.get(1);
        List<RateSample> decoded = samples.stream().map(RateSample::decode).flatMap(Optional::stream).toList();
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
