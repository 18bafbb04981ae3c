package org.smsengine.idempotency;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.smsengine.recovery.RecoverySettings;
import org.smsengine.system.NodeIdentity;
import org.springframework.stereotype.Component;

/**
 * The keys in PostgreSQL ({@code sms_idempotency_key}): claimed, found, answered, released, and purged
 * once expired (by housekeeping, the only caller from outside this package).
 */
@Component
public class IdempotencyKeys {

    private final IdempotencyMapper keys;
    private final NodeIdentity node;
    private final long keepMillis;
    private final long nodeTimeoutMillis;

    IdempotencyKeys(IdempotencyMapper keys, NodeIdentity node, IdempotencySettings settings, RecoverySettings recovery) {
        this.keys = keys;
        this.node = node;
        this.keepMillis = settings.keep().toMillis();
        this.nodeTimeoutMillis = recovery.nodeTimeout().toMillis();
    }

    /** The key, held by this request from now on; empty when another request holds it. */
    Optional<Claim> claim(KeyedRequest request) {
        String token = UUID.randomUUID().toString();
        return keys.claim(request, token, node.id(), keepMillis, nodeTimeoutMillis) == 1
                ? Optional.of(new Claim(request.scope(), request.key(), token)) : Optional.empty();
    }

    Optional<KeyRow> find(KeyedRequest request) {
        return keys.find(request, keepMillis, nodeTimeoutMillis);
    }

    boolean complete(Claim claim, byte[] digest, StoredResponse response) {
        return keys.complete(claim, digest, response) == 1;
    }

    void release(Claim claim) {
        keys.release(claim);
    }

    /** In the transaction that commits the request's work: false when the claim was taken over meanwhile. */
    boolean markWorkCommitted(Claim claim) {
        return keys.markWorkCommitted(claim) == 1;
    }

    /** Deletes the expired keys, {@code chunk} at a time; returns how many. */
    public long purgeExpired(int chunk) {
        long deleted = 0;
        OffsetDateTime after = null;
        while (true) {
            OffsetDateTime through = keys.expiredWindowEnd(after, chunk, keepMillis);
            deleted += keys.purgeWindow(after, through, keepMillis);
            if (through == null) {
                return deleted;
            }
            after = through;
        }
    }
}
