package org.smsengine.delivery;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The SQL of delivery: claims, outcomes, retries, receipts, and the statistics of a batch. */
@Mapper
public interface DeliveryMapper {

    /** Marks up to {@code limit} PREPARED messages after {@code afterId} SENDING (skipping rows locked elsewhere) and returns them. */
    List<ClaimedMessage> claimFirstAttempts(@Param("batchId") long batchId, @Param("partitionNo") int partitionNo,
            @Param("afterId") long afterId, @Param("limit") int limit);

    /** Takes up to {@code limit} due retries off the queue, marks their messages SENDING and returns them. */
    List<ClaimedMessage> claimDueRetries(@Param("batchId") long batchId, @Param("partitionNo") int partitionNo,
            @Param("limit") int limit);

    /** When the partition's next retry is due, or null when none is waiting. */
    OffsetDateTime nextRetryDue(@Param("batchId") long batchId, @Param("partitionNo") int partitionNo);

    /** Parts of these messages that earlier attempts got accepted. */
    List<PartRef> acceptedParts(@Param("batchId") long batchId, @Param("messageIds") Long[] messageIds);

    /**
     * Records the outcomes of submitted messages of one partition, each with the provider it went to; only
     * messages still SENDING take theirs.
     */
    int recordOutcomes(@Param("batchId") long batchId, @Param("partitionNo") int partitionNo,
            @Param("ids") Long[] ids, @Param("statuses") String[] statuses, @Param("providers") String[] providers,
            @Param("providerIds") String[] providerIds, @Param("errors") String[] errors,
            @Param("retryables") Boolean[] retryables);

    /**
     * Puts claimed messages that were not submitted (the step was stopping) back, as retries due
     * now, their claim's attempt given back: a resumed step claims them again, whatever its cursor.
     */
    int releaseUnsubmitted(@Param("batchId") long batchId, @Param("partitionNo") int partitionNo,
            @Param("ids") Long[] ids);

    /**
     * Claimed messages that were not attempted go back to the queue, due at {@code dueMillis} (epoch
     * milliseconds), their claim's attempt given back: their recipient's send window is closed (due when
     * it opens), or no provider of their route can take traffic now (due after the retry delay).
     */
    int defer(@Param("batchId") long batchId, @Param("partitionNo") int partitionNo,
            @Param("ids") Long[] ids, @Param("dueMillis") Long[] dueMillis);

    /** Every message of the batch not sent yet (PREPARED or waiting for a retry) becomes CANCELLED. */
    int cancelUnsent(@Param("batchId") long batchId);

    /** Claimed (SENDING) messages that are not to be sent for consent become SUPPRESSED with their reason. */
    int suppress(@Param("batchId") long batchId, @Param("partitionNo") int partitionNo, @Param("ids") Long[] ids,
            @Param("reasons") String[] reasons);

    /** Every message of the partition not yet sent (PREPARED, RETRYING) becomes SUPPRESSED with {@code reason}. */
    long expireRest(@Param("batchId") long batchId, @Param("partitionNo") int partitionNo, @Param("reason") String reason);

    /** Retryable failures (and messages in doubt) become retries due now, with their attempts reset; returns how many. */
    int requeueRetryable(@Param("batchId") long batchId);

    /**
     * Messages left SENDING by a lost node: with {@code resend} queued as retries due now (they may
     * reach their phone twice), otherwise UNKNOWN for an operator. Returns how many. Of one partition
     * when {@code partitionNo} is given (its node was lost, the batch's other partitions run on).
     */
    int recoverInDoubt(@Param("batchId") long batchId, @Param("partitionNo") Integer partitionNo,
            @Param("resend") boolean resend);

    long countRetryable(@Param("batchId") long batchId);

    /** The messages these provider ids belong to, as they stand, locked for this transaction. */
    List<ReceiptMatch> matchReceipts(@Param("provider") String provider, @Param("providerIds") String[] providerIds);

    /**
     * What receipts made of their messages, one element per message (of any batch and partition):
     * status, parts delivered, error, the carrier's done date and when the deciding receipt arrived
     * (ISO-8601 instants, or null).
     */
    int applyReceipts(@Param("batchIds") Long[] batchIds, @Param("partitionNos") Integer[] partitionNos,
            @Param("ids") Long[] ids, @Param("statuses") String[] statuses, @Param("partsDelivered") Integer[] partsDelivered,
            @Param("deliveredParts") String[] deliveredParts,
            @Param("errors") String[] errors, @Param("deliveredAts") String[] deliveredAts,
            @Param("receiptAts") String[] receiptAts);

    /** Queues messages for another attempt, {@code retryInMillis} from now. */
    void queueRetries(@Param("batchId") long batchId, @Param("partitionNo") int partitionNo, @Param("ids") Long[] ids,
            @Param("retryInMillis") Long[] retryInMillis);

    /** Locks the batch row for the rest of the transaction; returns its id. */
    Long lockBatch(long batchId);

    /**
     * The batch's messages by status, and what its counter slots hold of each delivery counter (status
     * {@code slot:sent}, {@code slot:send_failed} ...), read in one snapshot.
     */
    List<StatusCount> countStatuses(long batchId);

    /**
     * Parts of a message, {@code parts} from {@code part} on, with the provider id they were accepted
     * under (one part, but for a provider that sends a message's parts as one, under one id).
     */
    record PartRef(String providerMessageId, long batchId, int partitionNo, long messageId, int part, int parts) {
    }

    /**
     * A receipt's provider id and the message it is for, as that message stands; {@code parts}: how
     * many of its parts the id stands for, all settled by its one receipt.
     */
    /**
     * A receipt's message, and the parts its id stands for ({@code part} and the {@code parts - 1} after it).
     *
     * @param deliveredParts the parts receipts reported delivered, comma-separated, or null
     */
    record ReceiptMatch(String providerMessageId, long batchId, int partitionNo, long id, String status, int segments,
            int partsDelivered, OffsetDateTime sentAt, int part, int parts, String deliveredParts) {
    }

    record StatusCount(String status, long count) {
    }
}
