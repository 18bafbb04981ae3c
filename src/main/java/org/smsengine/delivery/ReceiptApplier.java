package org.smsengine.delivery;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchCounts;
import org.smsengine.message.MessageStatus;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptStatus;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies receipts to their messages in one transaction per pass. A message is DELIVERED once a
 * receipt has come for each of its parts; the first part reported failed makes it UNDELIVERED,
 * EXPIRED or REJECTED. Only a SENT message changes status (a receipt never revives a failed one),
 * and the batch's delivered and undelivered counters move with it.
 */
public class ReceiptApplier {

    private final DeliveryMapper deliveries;
    private final BatchMapper batches;
    private final ProgressPublisher progress;

    ReceiptApplier(DeliveryMapper deliveries, BatchMapper batches, ProgressPublisher progress) {
        this.deliveries = deliveries;
        this.batches = batches;
        this.progress = progress;
    }

    /** Applies what it can; returns the receipts no submitted part matches (yet). */
    @Transactional
    public List<Receipt> apply(List<Receipt> receipts) {
        Map<MessageKey, Target> targets = new LinkedHashMap<>();
        List<Receipt> unmatched = new ArrayList<>();
        receipts.stream().collect(Collectors.groupingBy(Receipt::provider)).forEach((provider, ofProvider) -> {
            Map<String, DeliveryMapper.ReceiptMatch> matches = new HashMap<>();
            deliveries.matchReceipts(provider, ofProvider.stream().map(Receipt::providerMessageId).toArray(String[]::new))
                    .forEach(match -> matches.put(match.providerMessageId(), match));
            for (Receipt receipt : ofProvider) {
                DeliveryMapper.ReceiptMatch match = matches.get(receipt.providerMessageId());
                if (match == null) {
                    unmatched.add(receipt);
                } else {
                    targets.computeIfAbsent(new MessageKey(match.batchId(), match.partitionNo(), match.id()),
                            key -> new Target(match, new ArrayList<>())).receipts().add(receipt);
                }
            }
        });
        Map<Long, long[]> counts = new HashMap<>();
        targets.values().stream()
                .collect(Collectors.groupingBy(target -> new PartitionKey(target.match().batchId(), target.match().partitionNo())))
                .forEach((partition, inPartition) -> updatePartition(partition, inPartition, counts));
        counts.forEach((batchId, moved) -> {
            if (moved[0] + moved[1] > 0) {
                progress.publish(batches.addCounts(batchId, BatchCounts.receipted(moved[0], moved[1])));
            }
        });
        return unmatched;
    }

    /** One partition's messages, updated within their id range (see DeliveryMapper.xml). */
    private void updatePartition(PartitionKey partition, List<Target> targets, Map<Long, long[]> counts) {
        List<Change> changes = targets.stream().map(ReceiptApplier::changeOf).toList();
        long[] batchCounts = counts.computeIfAbsent(partition.batchId(), id -> new long[2]);
        for (Change change : changes) {
            if (!change.target().status().equals(change.status())) {
                batchCounts[change.status().equals(MessageStatus.DELIVERED.name()) ? 0 : 1]++;
            }
        }
        Long[] ids = changes.stream().map(c -> c.target().id()).toArray(Long[]::new);
        deliveries.applyReceipts(partition.batchId(), partition.partitionNo(),
                Arrays.stream(ids).mapToLong(Long::longValue).min().orElseThrow(),
                Arrays.stream(ids).mapToLong(Long::longValue).max().orElseThrow(),
                ids,
                changes.stream().map(Change::status).toArray(String[]::new),
                changes.stream().map(Change::partsDelivered).toArray(Integer[]::new),
                changes.stream().map(Change::error).toArray(String[]::new),
                changes.stream().map(Change::deliveredAt).toArray(String[]::new));
    }

    private static Change changeOf(Target target) {
        DeliveryMapper.ReceiptMatch message = target.match();
        String status = message.status();
        int delivered = message.partsDelivered();
        String error = null;
        String deliveredAt = null;
        boolean sent = MessageStatus.SENT.name().equals(status);
        for (Receipt receipt : target.receipts()) {
            if (receipt.status() == ReceiptStatus.DELIVERED) {
                delivered++;
                if (sent && delivered >= message.segments()) {
                    status = MessageStatus.DELIVERED.name();
                    deliveredAt = receipt.doneAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(receipt.doneAt());
                }
            } else if (sent) {
                status = receipt.status().name();
                error = receipt.error();
                sent = false;
            }
        }
        return new Change(message, status, delivered, error, deliveredAt);
    }

    private record MessageKey(long batchId, int partitionNo, long id) {
    }

    private record PartitionKey(long batchId, int partitionNo) {
    }

    /** A message and the receipts that came for it in this pass. */
    private record Target(DeliveryMapper.ReceiptMatch match, List<Receipt> receipts) {
    }

    private record Change(DeliveryMapper.ReceiptMatch target, String status, int partsDelivered, String error,
            String deliveredAt) {
    }
}
