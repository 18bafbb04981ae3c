package org.smsengine.cluster;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.progress.ProgressSettings;
import org.smsengine.provider.BindLeases;
import org.smsengine.recovery.RecoverySettings;
import org.smsengine.system.NodeIdentity;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * A provider's {@code max-binds} shared by the nodes, as leases in Redis: a sorted set per provider whose
 * members are {@code node#slot} and whose scores are the leases' expiry, renewed by each open session
 * every few seconds. A node takes a lease while fewer than {@code max-binds} are held and it holds fewer
 * than its share ({@code max-binds} over the live nodes, rounded up); when more nodes come alive its share
 * shrinks, and at their next renewal its highest slots give theirs up. A node that dies stops renewing:
 * its leases lapse after {@link #TTL_MILLIS}. Redis unreachable: each node keeps to
 * {@code max-binds} over the live nodes, rounded down, on its own.
 */
@Component
class RedisBindLeases implements BindLeases {

    private static final Logger log = LoggerFactory.getLogger(RedisBindLeases.class);
    /** Five renewals' worth: a node that stopped renewing frees its binds this soon. */
    static final long TTL_MILLIS = 10_000;
    private static final long LIVE_COUNT_MILLIS = 5_000;

    /** KEYS[1] the provider's leases; ARGV: member, this node's prefix, ttl (ms), max binds, this node's share. */
    private static final RedisScript<Long> HOLD = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            local members = redis.call('ZRANGE', KEYS[1], 0, -1)
            local prefix = ARGV[2]
            local slot = tonumber(string.sub(ARGV[1], #prefix + 1))
            local mine, below = 0, 0
            for _, m in ipairs(members) do
                if string.sub(m, 1, #prefix) == prefix then
                    mine = mine + 1
                    if tonumber(string.sub(m, #prefix + 1)) < slot then below = below + 1 end
                end
            end
            local share = tonumber(ARGV[5])
            if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
                if below >= share then
                    redis.call('ZREM', KEYS[1], ARGV[1])
                    return 0
                end
            elseif #members >= tonumber(ARGV[4]) or mine >= share then
                return 0
            end
            redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 3)
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final NodeMapper nodes;
    private final NodeIdentity node;
    private final String keyPrefix;
    private final long nodeTimeoutMillis;
    private volatile int liveNodes = 1;
    private volatile long countedAt;

    RedisBindLeases(StringRedisTemplate redis, NodeMapper nodes, NodeIdentity node, ProgressSettings progress,
            RecoverySettings recovery) {
        this.redis = redis;
        this.nodes = nodes;
        this.node = node;
        this.keyPrefix = progress.keyPrefix();
        this.nodeTimeoutMillis = recovery.nodeTimeout().toMillis();
    }

    @Override
    public boolean hold(String provider, int slot, int maxBinds) {
        int live = liveNodes();
        int share = (maxBinds + live - 1) / live;
        try {
            Long held = redis.execute(HOLD, List.of(key(provider)), node.id() + "#" + slot, node.id() + "#",
                    Long.toString(TTL_MILLIS), Integer.toString(maxBinds), Integer.toString(share));
            return held != null && held == 1;
        } catch (RuntimeException e) {
            boolean alone = slot < maxBinds / live;
            log.debug("Bind leases of {} unreachable in Redis ({}); slot {} {} on this node's own count", provider,
                    e.getMessage(), slot, alone ? "binds" : "waits");
            return alone;
        }
    }

    @Override
    public void release(String provider, int slot) {
        try {
            redis.opsForZSet().remove(key(provider), node.id() + "#" + slot);
        } catch (RuntimeException e) {
            log.debug("Could not give back the bind lease of {} slot {} ({}); it lapses by itself", provider, slot,
                    e.getMessage());
        }
    }

    private String key(String provider) {
        return keyPrefix + "binds:{" + provider + "}";
    }

    /** The live nodes (this one included), counted at most every few seconds; the last count while PostgreSQL is down. */
    private int liveNodes() {
        long now = System.currentTimeMillis();
        if (now - countedAt > LIVE_COUNT_MILLIS) {
            countedAt = now;
            try {
                liveNodes = Math.max(1, nodes.countAlive(nodeTimeoutMillis));
            } catch (RuntimeException e) {
                log.debug("Could not count the live nodes ({}); keeping {}", e.getMessage(), liveNodes);
            }
        }
        return liveNodes;
    }
}
