package org.smsengine.delivery;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.DeliveryCounts;
import org.smsengine.message.MessageStatus;
import org.smsengine.progress.ProgressPublisher;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.batch.core.step.tasklet.Tasklet;

/**
 * Ends a batch's delivery: its counters are set to what its messages say (one aggregate over its
 * messages), so whatever the live counters missed, the final figures are exact. Receipts that come
 * later move them on from there. The batch row is locked before counting: a receipt pass that
 * commits meanwhile is then either counted or adds to the figures after them, never overwritten.
 */
class DeliveryStatistics implements Tasklet {

    private static final Set<MessageStatus> ACCEPTED = Set.of(MessageStatus.SENT, MessageStatus.DELIVERED,
            MessageStatus.UNDELIVERED, MessageStatus.EXPIRED, MessageStatus.REJECTED);
    private static final Set<MessageStatus> UNDELIVERED = Set.of(MessageStatus.UNDELIVERED, MessageStatus.EXPIRED,
            MessageStatus.REJECTED);

    private final DeliveryMapper deliveries;
    private final BatchMapper batches;
    private final ProgressPublisher progress;
    private final RateLimits limits;

    DeliveryStatistics(DeliveryMapper deliveries, BatchMapper batches, ProgressPublisher progress, RateLimits limits) {
        this.deliveries = deliveries;
        this.batches = batches;
        this.progress = progress;
        this.limits = limits;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long batchId = chunkContext.getStepContext().getStepExecution().getJobParameters().getLong("batchId");
        deliveries.lockBatch(batchId);
        Map<MessageStatus, Long> counts = count(deliveries.countStatuses(batchId));
        DeliveryCounts totals = new DeliveryCounts(
                sum(counts, ACCEPTED), counts.getOrDefault(MessageStatus.FAILED, 0L),
                counts.getOrDefault(MessageStatus.DELIVERED, 0L), sum(counts, UNDELIVERED),
                counts.getOrDefault(MessageStatus.CANCELLED, 0L));
        progress.publish(batches.setDeliveryCounts(batchId, totals));
        limits.forget(batchId);
        return RepeatStatus.FINISHED;
    }

    private static Map<MessageStatus, Long> count(List<DeliveryMapper.StatusCount> rows) {
        return rows.stream().collect(Collectors.toMap(row -> MessageStatus.valueOf(row.status()), DeliveryMapper.StatusCount::count));
    }

    private static long sum(Map<MessageStatus, Long> counts, Set<MessageStatus> statuses) {
        return statuses.stream().mapToLong(status -> counts.getOrDefault(status, 0L)).sum();
    }
}
