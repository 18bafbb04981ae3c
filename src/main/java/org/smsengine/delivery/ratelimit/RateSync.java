package org.smsengine.delivery.ratelimit;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;

/**
 * One step of a provider's shared rate, done in Redis as one script so that every node sees the
 * same rate: a node that saw throttling says so (marking it for a cooldown), and the first such
 * node in a cooldown lowers the rate; while none was seen for a cooldown, the first node in each
 * increase interval raises it by a step. The rate carries a version (Redis time of its last
 * change) that the shared bucket's configuration follows. The keys share a hash tag, one slot.
 */
final class RateSync {

    /** The provider's current rate, and the version of its last change. */
    record Shared(int rate, long version) {
    }

    private static final String SCRIPT = """
            local configured = tonumber(ARGV[1])
            local rate = tonumber(redis.call('HGET', KEYS[1], 'rate'))
            local version = tonumber(redis.call('HGET', KEYS[1], 'version')) or 0
            local changed = false
            if rate == nil or rate > configured then
              rate = configured
              changed = true
            end
            if ARGV[2] == '1' then
              redis.call('SET', KEYS[2], '1', 'PX', ARGV[6])
              if redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[6]) then
                local lowered = math.max(tonumber(ARGV[4]), math.floor(rate * tonumber(ARGV[3])))
                if lowered < rate then
                  rate = lowered
                  changed = true
                end
              end
            elseif rate < configured and redis.call('EXISTS', KEYS[2]) == 0
                and redis.call('SET', KEYS[4], '1', 'NX', 'PX', ARGV[7]) then
              rate = math.min(configured, rate + tonumber(ARGV[5]))
              changed = true
            end
            if changed then
              local time = redis.call('TIME')
              version = math.max(version + 1, tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000))
              redis.call('HSET', KEYS[1], 'rate', rate, 'version', version)
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[8])
            return {rate, version}""";

    private final LimitSettings settings;
    private final RateRule rule;
    private final String keyPrefix;

    RateSync(LimitSettings settings, RateRule rule, String keyPrefix) {
        this.settings = settings;
        this.rule = rule;
        this.keyPrefix = keyPrefix;
    }

    /** The provider's shared bucket. */
    String bucketKey(String provider) {
        return key(provider, "bucket");
    }

    Shared sync(StatefulRedisConnection<String, String> redis, String provider, int configured, boolean throttled) {
        List<Long> answer = redis.sync().eval(SCRIPT, ScriptOutputType.MULTI,
                new String[] {key(provider, "rate"), key(provider, "throttled"), key(provider, "lowered"), key(provider, "raised")},
                Integer.toString(configured), throttled ? "1" : "0", Double.toString(settings.decreaseFactor()),
                Integer.toString(rule.floor(configured)), Integer.toString(rule.step(configured)),
                Long.toString(settings.decreaseCooldown().toMillis()), Long.toString(settings.increaseEvery().toMillis()),
                // the rate is forgotten (back to the configured one) a day after the last node used the provider
                Long.toString(86_400_000L));
        return new Shared(answer.get(0).intValue(), answer.get(1));
    }

    private String key(String provider, String what) {
        return keyPrefix + "rl:{" + provider + "}:" + what;
    }
}
