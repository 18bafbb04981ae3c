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
 * retry is queued. A batch's figures are its row plus its counter slots (see {@code BatchMapper.addCounts}):
 * the messages and the slots are read in one statement, and the row is set to the messages' figures less
 * what the slots held then, so a receipt pass that commits meanwhile (into a slot, without waiting for this)
 * is either counted in both or in neither, never twice nor lost. The row is locked before counting, which
 * keeps the background fold of the slots into the row out until this has committed.
 */
@Component
public class BatchRecount {

    private static final Set<MessageStatus> ACCEPTED = Set.of(MessageStatus.SENT, MessageStatus.DELIVERED,
            MessageStatus.UNDELIVERED, MessageStatus.EXPIRED, MessageStatus.REJECTED);
    private static final Set<MessageStatus> UNDELIVERED = Set.of(MessageStatus.UNDELIVERED, MessageStatus.EXPIRED,
            MessageStatus.REJECTED);

    private static final String SLOT = "slot:";

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
        List<DeliveryMapper.StatusCount> rows = deliveries.countStatuses(batchId);
        Map<MessageStatus, Long> counts = count(rows.stream().filter(row -> !row.status().startsWith(SLOT)).toList());
        Map<String, Long> slots = rows.stream().filter(row -> row.status().startsWith(SLOT))
                .collect(Collectors.toMap(row -> row.status().substring(SLOT.length()), DeliveryMapper.StatusCount::count));
        BatchCounts rowCounts = BatchCounts.delivery(
                sum(counts, ACCEPTED) - slots.getOrDefault("sent", 0L),
                counts.getOrDefault(MessageStatus.FAILED, 0L) - slots.getOrDefault("send_failed", 0L),
                counts.getOrDefault(MessageStatus.DELIVERED, 0L) - slots.getOrDefault("delivered", 0L),
                sum(counts, UNDELIVERED) - slots.getOrDefault("undelivered", 0L),
                counts.getOrDefault(MessageStatus.CANCELLED, 0L) - slots.getOrDefault("cancelled", 0L),
                counts.getOrDefault(MessageStatus.SUPPRESSED, 0L) - slots.getOrDefault("suppressed", 0L));
        BatchRow row = batches.setDeliveryCounts(batchId, rowCounts, deliveries.countRetryable(batchId));
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
