package org.smsengine.delivery;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchRow;
import org.smsengine.message.MessageStatus;
import org.smsengine.progress.ProgressPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets a batch's delivery counters to what its messages say (one aggregate over them), so whatever
 * the live counters missed, the figures are exact: at the end of delivery, after an abort, after a
 * retry is queued. The batch row is locked before counting: a receipt pass that commits meanwhile
 * is then either counted or adds to the figures after them, never overwritten.
 */
@Component
public class BatchRecount {

    private static final Set<MessageStatus> ACCEPTED = Set.of(MessageStatus.SENT, MessageStatus.DELIVERED,
            MessageStatus.UNDELIVERED, MessageStatus.EXPIRED, MessageStatus.REJECTED);
    private static final Set<MessageStatus> UNDELIVERED = Set.of(MessageStatus.UNDELIVERED, MessageStatus.EXPIRED,
            MessageStatus.REJECTED);

    private final DeliveryMapper deliveries;
    private final BatchMapper batches;
    private final ProgressPublisher progress;

    BatchRecount(DeliveryMapper deliveries, BatchMapper batches, ProgressPublisher progress) {
        this.deliveries = deliveries;
        this.batches = batches;
        this.progress = progress;
    }

    @Transactional
    public BatchRow recount(long batchId) {
        deliveries.lockBatch(batchId);
        Map<MessageStatus, Long> counts = count(deliveries.countStatuses(batchId));
        BatchCounts totals = BatchCounts.delivery(
                sum(counts, ACCEPTED), counts.getOrDefault(MessageStatus.FAILED, 0L),
                counts.getOrDefault(MessageStatus.DELIVERED, 0L), sum(counts, UNDELIVERED),
                counts.getOrDefault(MessageStatus.CANCELLED, 0L), counts.getOrDefault(MessageStatus.SUPPRESSED, 0L));
        BatchRow row = batches.setDeliveryCounts(batchId, totals, deliveries.countRetryable(batchId));
        progress.publish(row);
        return row;
    }

    private static Map<MessageStatus, Long> count(List<DeliveryMapper.StatusCount> rows) {
        return rows.stream().collect(Collectors.toMap(row -> MessageStatus.valueOf(row.status()), DeliveryMapper.StatusCount::count));
    }

    private static long sum(Map<MessageStatus, Long> counts, Set<MessageStatus> statuses) {
        return statuses.stream().mapToLong(status -> counts.getOrDefault(status, 0L)).sum();
    }
}
