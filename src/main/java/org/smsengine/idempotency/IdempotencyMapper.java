package org.smsengine.idempotency;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The SQL of idempotency keys (IdempotencyMapper.xml); every statement but the purge finds its row by key. */
@Mapper
interface IdempotencyMapper {

    /**
     * Claims the key for {@code request}: 1 when this request holds it now (the key was free, expired, or
     * claimed by a node that was lost before its request committed anything), 0 when another holds it.
     */
    int claim(@Param("request") KeyedRequest request, @Param("claim") String claim, @Param("node") String node,
            @Param("keepMillis") long keepMillis, @Param("nodeTimeoutMillis") long nodeTimeoutMillis);

    /** The key as another request finds it (not expired), with whether the node running it is alive. */
    Optional<KeyRow> find(@Param("request") KeyedRequest request, @Param("keepMillis") long keepMillis,
            @Param("nodeTimeoutMillis") long nodeTimeoutMillis);

    /** Keeps the answer; 0 when the claim is no longer held. */
    int complete(@Param("claim") Claim claim, @Param("digest") byte[] digest, @Param("response") StoredResponse response);

    /** Frees the key of a request whose answer is not kept; 0 when the claim is no longer held. */
    int release(@Param("claim") Claim claim);

    /** Marks that the request committed something (in the transaction committing it); 0 when the claim was lost. */
    int markWorkCommitted(@Param("claim") Claim claim);

    /** The creation time ending the next window of {@code chunk} expired keys after {@code after}; null: fewer are left. */
    OffsetDateTime expiredWindowEnd(@Param("after") OffsetDateTime after, @Param("chunk") int chunk,
            @Param("keepMillis") long keepMillis);

    /** Deletes the expired keys created after {@code after} (null: from the first) up to {@code through} (null: all). */
    int purgeWindow(@Param("after") OffsetDateTime after, @Param("through") OffsetDateTime through,
            @Param("keepMillis") long keepMillis);
}
