package org.smsengine.delivery;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.DeliveryCounts;
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
        Map<String, DeliveryMapper.PartRef> parts = findParts(receipts);
        List<Receipt> unmatched = new ArrayList<>();
        Map<MessageKey, List<Receipt>> byMessage = new LinkedHashMap<>();
        for (Receipt receipt : receipts) {
            DeliveryMapper.PartRef part = parts.get(receipt.provider() + "\u0000" + receipt.providerMessageId());
            if (part == null) {
                unmatched.add(receipt);
            } else {
                byMessage.computeIfAbsent(new MessageKey(part.batchId(), part.partitionNo(), part.messageId()),
                        key -> new ArrayList<>()).add(receipt);
            }
        }
        if (!byMessage.isEmpty()) {
            update(byMessage);
        }
        return unmatched;
    }

    private Map<String, DeliveryMapper.PartRef> findParts(List<Receipt> receipts) {
        Map<String, DeliveryMapper.PartRef> parts = new HashMap<>();
        receipts.stream().collect(Collectors.groupingBy(Receipt::provider)).forEach((provider, ofProvider) ->
                deliveries.findParts(provider, ofProvider.stream().map(Receipt::providerMessageId).toArray(String[]::new))
                        .forEach(part -> parts.put(provider + "\u0000" + part.providerMessageId(), part)));
        return parts;
    }

    private void update(Map<MessageKey, List<Receipt>> byMessage) {
        List<MessageKey> keys = new ArrayList<>(byMessage.keySet());
        List<DeliveryMapper.ReceiptTarget> targets = deliveries.lockForReceipts(
                keys.stream().map(MessageKey::batchId).toArray(Long[]::new),
                keys.stream().map(MessageKey::partitionNo).toArray(Integer[]::new),
                keys.stream().map(MessageKey::id).toArray(Long[]::new));
        List<Change> changes = new ArrayList<>();
        Map<Long, long[]> counts = new HashMap<>();
        for (DeliveryMapper.ReceiptTarget target : targets) {
            Change change = changeOf(target, byMessage.get(new MessageKey(target.batchId(), target.partitionNo(), target.id())));
            changes.add(change);
            long[] batchCounts = counts.computeIfAbsent(target.batchId(), id -> new long[2]);
            if (!target.status().equals(change.status())) {
                batchCounts[change.status().equals(MessageStatus.DELIVERED.name()) ? 0 : 1]++;
            }
        }
        deliveries.applyReceipts(
                changes.stream().map(c -> c.target().batchId()).toArray(Long[]::new),
                changes.stream().map(c -> c.target().partitionNo()).toArray(Integer[]::new),
                changes.stream().map(c -> c.target().id()).toArray(Long[]::new),
                changes.stream().map(Change::status).toArray(String[]::new),
                changes.stream().map(Change::partsDelivered).toArray(Integer[]::new),
                changes.stream().map(Change::error).toArray(String[]::new),
                changes.stream().map(Change::deliveredAt).toArray(String[]::new));
        counts.forEach((batchId, moved) -> {
            if (moved[0] + moved[1] > 0) {
                progress.publish(batches.addDeliveryCounts(batchId, new DeliveryCounts(0, 0, moved[0], moved[1], 0)));
            }
        });
    }

    private static Change changeOf(DeliveryMapper.ReceiptTarget target, List<Receipt> receipts) {
        String status = target.status();
        int delivered = target.partsDelivered();
        String error = null;
        String deliveredAt = null;
        boolean sent = MessageStatus.SENT.name().equals(status);
        for (Receipt receipt : receipts) {
            if (receipt.status() == ReceiptStatus.DELIVERED) {
                delivered++;
                if (sent && delivered >= target.segments()) {
                    status = MessageStatus.DELIVERED.name();
                    deliveredAt = receipt.doneAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(receipt.doneAt());
                }
            } else if (sent) {
                status = receipt.status().name();
                error = receipt.error();
                sent = false;
            }
        }
        return new Change(target, status, delivered, error, deliveredAt);
    }

    private record MessageKey(long batchId, int partitionNo, long id) {
    }

    private record Change(DeliveryMapper.ReceiptTarget target, String status, int partsDelivered, String error,
            String deliveredAt) {
    }
}
