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

    /** Marks up to {@code limit} RETRYING messages whose retry is due SENDING and returns them. */
    List<ClaimedMessage> claimDueRetries(@Param("batchId") long batchId, @Param("partitionNo") int partitionNo,
            @Param("limit") int limit);

    /** When the partition's next retry is due, or null when none is waiting. */
    OffsetDateTime nextRetryDue(@Param("batchId") long batchId, @Param("partitionNo") int partitionNo);

    /** Parts of these messages that earlier attempts got accepted. */
    List<PartRef> acceptedParts(@Param("batchId") long batchId, @Param("messageIds") Long[] messageIds);

    int recordOutcomes(@Param("batchId") long batchId, @Param("partitionNo") int partitionNo,
            @Param("provider") String provider, @Param("ids") Long[] ids, @Param("statuses") String[] statuses,
            @Param("providerIds") String[] providerIds, @Param("errors") String[] errors,
            @Param("retryInMillis") Long[] retryInMillis);

    /** The messages and parts these provider ids belong to. */
    List<PartRef> findParts(@Param("provider") String provider, @Param("providerIds") String[] providerIds);

    /** Current status of messages about to take receipts, locked for this transaction. */
    List<ReceiptTarget> lockForReceipts(@Param("batchIds") Long[] batchIds, @Param("partitionNos") Integer[] partitionNos,
            @Param("ids") Long[] ids);

    int applyReceipts(@Param("batchIds") Long[] batchIds, @Param("partitionNos") Integer[] partitionNos,
            @Param("ids") Long[] ids, @Param("statuses") String[] statuses, @Param("partsDelivered") Integer[] partsDelivered,
            @Param("errors") String[] errors, @Param("deliveredAts") String[] deliveredAts);

    List<StatusCount> countStatuses(long batchId);

    /** A part of a message, with the provider id it was accepted under. */
    record PartRef(String providerMessageId, long batchId, int partitionNo, long messageId, int part) {
    }

    /** A message receiving receipts, as it stands. */
    record ReceiptTarget(long batchId, int partitionNo, long id, String status, int segments, int partsDelivered) {
    }

    record StatusCount(String status, long count) {
    }
}
