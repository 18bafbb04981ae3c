package org.smsengine.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.CounterSlots;
import org.smsengine.message.MessageStatus;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptStatus;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies receipts to their messages in one transaction per pass. A message is DELIVERED once a
 * receipt has come for each of its parts (one receipt settles all the parts accepted under its id,
 * for a provider that sends a message's parts as one); a part reported delivered twice counts once
 * (the parts are kept, not counted); the first part reported failed makes it UNDELIVERED,
 * EXPIRED or REJECTED. Only a SENT message changes status (a receipt never revives a failed one),
 * and the batch's delivered and undelivered counters move with it. A message keeps the carrier's
 * done date ({@code delivered_at}, often to the minute) and when the receipt that decided it reached
 * the engine ({@code receipt_at}, to the millisecond).
 */
public class ReceiptApplier {

    private final DeliveryMapper deliveries;
    private final BatchMapper batches;
    private final ProgressPublisher progress;
    private final MeterRegistry meters;

    ReceiptApplier(DeliveryMapper deliveries, BatchMapper batches, ProgressPublisher progress, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.batches = batches;
        this.progress = progress;
        this.meters = meters;
    }

    /** Applies what it can; returns the receipts no submitted part matches (yet). */
    @Transactional
    public List<ArrivedReceipt> apply(List<ArrivedReceipt> receipts) {
        Map<MessageKey, Target> targets = new LinkedHashMap<>();
        List<ArrivedReceipt> unmatched = new ArrayList<>();
        receipts.stream().collect(Collectors.groupingBy(arrived -> arrived.receipt().provider())).forEach((provider, ofProvider) -> {
            Map<String, DeliveryMapper.ReceiptMatch> matches = new HashMap<>();
            deliveries.matchReceipts(provider, ofProvider.stream().flatMap(a -> a.receipt().candidateIds().stream()).distinct()
                            .toArray(String[]::new))
                    .forEach(match -> matches.put(match.providerMessageId(), match));
            for (ArrivedReceipt arrived : ofProvider) {
                DeliveryMapper.ReceiptMatch match = matchOf(arrived.receipt(), matches);
                if (match == null) {
                    unmatched.add(arrived);
                } else {
                    targets.computeIfAbsent(new MessageKey(match.batchId(), match.partitionNo(), match.id()),
                            key -> new Target(match, new ArrayList<>())).receipts().add(new Matched(arrived, match.part(),
                            match.parts()));
                }
            }
        });
        List<Change> changes = targets.values().stream().map(ReceiptApplier::changeOf).filter(Change::changes).toList();
        if (!changes.isEmpty()) {
            update(changes);
        }
        return unmatched;
    }

    /**
     * The part a receipt is for: by its own id, else by the first of its alternatives that matches (a provider whose
     * receipts may give the id in another base than its answers to the submissions; see SMPP's {@code receipt-id}).
     */
    private static DeliveryMapper.ReceiptMatch matchOf(Receipt receipt, Map<String, DeliveryMapper.ReceiptMatch> matches) {
        for (String id : receipt.candidateIds()) {
            DeliveryMapper.ReceiptMatch match = matches.get(id);
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    /**
     * One statement for every message the pass changes; each partition's receipt slot of its batch's counters
     * moves once (in the order of batch and partition, as every pass takes them), then each batch is published.
     */
    private void update(List<Change> changes) {
        Map<Long, Map<Integer, long[]>> counts = new TreeMap<>();
        for (Change change : changes) {
            if (!change.target().status().equals(change.status())) {
                record(change);
                long[] moved = counts.computeIfAbsent(change.target().batchId(), id -> new TreeMap<>())
                        .computeIfAbsent(change.target().partitionNo(), partition -> new long[2]);
                moved[change.status().equals(MessageStatus.DELIVERED.name()) ? 0 : 1]++;
            }
        }
        deliveries.applyReceipts(
                changes.stream().map(c -> c.target().batchId()).toArray(Long[]::new),
                changes.stream().map(c -> c.target().partitionNo()).toArray(Integer[]::new),
                changes.stream().map(c -> c.target().id()).toArray(Long[]::new),
                changes.stream().map(Change::status).toArray(String[]::new),
                changes.stream().map(Change::partsDelivered).toArray(Integer[]::new),
                changes.stream().map(Change::deliveredParts).toArray(String[]::new),
                changes.stream().map(Change::error).toArray(String[]::new),
                changes.stream().map(Change::deliveredAt).toArray(String[]::new),
                changes.stream().map(Change::receiptAt).toArray(String[]::new));
        counts.forEach((batchId, byPartition) -> {
            byPartition.forEach((partitionNo, moved) -> batches.addToSlot(batchId, CounterSlots.receipts(partitionNo),
                    BatchCounts.receipted(moved[0], moved[1]), 0, 0, BigDecimal.ZERO));
            batches.find(batchId).ifPresent(progress::publish);
        });
    }

    /**
     * {@code sms_receipts_total} by the status a receipt gave its message, and {@code sms_receipt_latency_seconds}:
     * from the submit's outcome being recorded to the receipt that decided the message reaching the engine.
     */
    private void record(Change change) {
        meters.counter("sms.receipts", "status", change.status()).increment();
        OffsetDateTime sentAt = change.target().sentAt();
        if (sentAt != null && change.receiptAt() != null) {
            long millis = Instant.parse(change.receiptAt()).toEpochMilli() - sentAt.toInstant().toEpochMilli();
            Timer.builder("sms.receipt.latency").description("From a message's submit to the receipt that decided it")
                    .register(meters).record(Math.max(0, millis), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * What this pass's receipts make of a message: DELIVERED once every part is reported delivered, or the
     * status of the first failed part; {@code receiptAt} is the arrival of the receipt that decided it.
     */
    private static Change changeOf(Target target) {
        DeliveryMapper.ReceiptMatch message = target.match();
        String status = message.status();
        SortedSet<Integer> delivered = deliveredParts(message);
        String error = null;
        String deliveredAt = null;
        String receiptAt = null;
        boolean sent = MessageStatus.SENT.name().equals(status);
        for (Matched matched : target.receipts()) {
            ArrivedReceipt arrived = matched.arrived();
            Receipt receipt = arrived.receipt();
            if (receipt.status() == ReceiptStatus.DELIVERED) {
                for (int part = matched.part(); part < matched.part() + matched.parts(); part++) {
                    delivered.add(part);
                }
                if (sent && delivered.size() >= message.segments()) {
                    status = MessageStatus.DELIVERED.name();
                    deliveredAt = instant(receipt.doneAt());
                    receiptAt = instant(arrived.arrivedAt());
                    sent = false;
                }
            } else if (sent) {
                status = receipt.status().name();
                error = receipt.error();
                receiptAt = instant(arrived.arrivedAt());
                sent = false;
            }
        }
        // a message of one part needs no list: its one receipt decides it
        String parts = message.segments() > 1 && !delivered.isEmpty()
                ? delivered.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")) : null;
        return new Change(message, status, delivered.size(), parts, error, deliveredAt, receiptAt);
    }

    /**
     * The parts already reported delivered. A message whose parts were counted before they were kept (an
     * engine upgraded while it waited for receipts) is taken to have had its first ones reported.
     */
    private static SortedSet<Integer> deliveredParts(DeliveryMapper.ReceiptMatch message) {
        SortedSet<Integer> parts = new TreeSet<>();
        if (message.deliveredParts() != null && !message.deliveredParts().isBlank()) {
            for (String part : message.deliveredParts().split(",")) {
                parts.add(Integer.parseInt(part.strip()));
            }
        } else {
            for (int part = 1; part <= message.partsDelivered(); part++) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static String instant(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private record MessageKey(long batchId, int partitionNo, long id) {
    }

    /** A message and the receipts that came for it in this pass. */
    private record Target(DeliveryMapper.ReceiptMatch match, List<Matched> receipts) {
    }

    /**
     * A receipt and the parts of its message its id stands for: {@code part}, and for a message sent as one
     * (HTTP), the {@code parts - 1} after it.
     */
    private record Matched(ArrivedReceipt arrived, int part, int parts) {
    }

    private record Change(DeliveryMapper.ReceiptMatch target, String status, int partsDelivered, String deliveredParts,
            String error, String deliveredAt, String receiptAt) {

        /** Whether the message changes: a receipt that came again for what is settled writes nothing. */
        boolean changes() {
            return !target.status().equals(status) || target.partsDelivered() != partsDelivered;
        }
    }
}
