package org.smsengine.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.SendWindow;
import org.smsengine.progress.ProgressPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Send windows as delivery sees them. A window in the batch's time zone holds the whole partition
 * back while it is closed (the worker passes empty chunks, so a pause still works, and no thread
 * waits per message); the batch shows until when it waits. A window in recipient local time holds
 * back each message whose recipient's window is closed: it goes back to the retry queue, due when
 * that window opens.
 */
@Component
class SendWindows {

    /** What delivery needs to know of the batch now: its window (or null) and whether it is shown waiting. */
    record Current(SendWindow window, OffsetDateTime waitingUntil) {
    }

    private final BatchMapper batches;
    private final DeliveryMapper deliveries;
    private final ProgressPublisher progress;
    private final ObjectMapper json;
    private final TransactionTemplate ownTransaction;
    private final Map<String, SendWindow> parsed = new ConcurrentHashMap<>();

    SendWindows(BatchMapper batches, DeliveryMapper deliveries, ProgressPublisher progress, ObjectMapper json,
            PlatformTransactionManager transactionManager) {
        this.batches = batches;
        this.deliveries = deliveries;
        this.progress = progress;
        this.json = json;
        this.ownTransaction = OwnTransactions.of(transactionManager);
    }

    Current current(long batchId) {
        BatchRow batch = batches.find(batchId).orElseThrow();
        SendWindow window = batch.sendWindow() == null ? null : parsed.computeIfAbsent(batch.sendWindow(), this::parse);
        return new Current(window, batch.waitingUntil());
    }

    /** Shows the batch waiting for its window until {@code until}, or no longer waiting ({@code null}). */
    void showWaiting(long batchId, Current current, Instant until) {
        OffsetDateTime value = until == null ? null : until.atOffset(ZoneOffset.UTC);
        boolean shown = value == null ? current.waitingUntil() == null
                : current.waitingUntil() != null && current.waitingUntil().toInstant().equals(until);
        if (!shown) {
            // its own transaction, like claims: the chunk's would hold the batch row until the chunk ends, and the
            // outcomes this chunk records (in transactions of their own) would wait for it
            BatchRow changed = ownTransaction.execute(status -> batches.setWaitingUntil(batchId, value));
            if (changed != null) {
                progress.publish(changed);
            }
        }
    }

    /** The messages of the page whose recipients' windows are open; the others go back, due when theirs open. */
    List<ClaimedMessage> openOnly(long batchId, int partitionNo, SendWindow window, List<ClaimedMessage> page, Instant now) {
        List<ClaimedMessage> open = new ArrayList<>(page.size());
        List<Long> deferred = new ArrayList<>();
        List<Long> due = new ArrayList<>();
        for (ClaimedMessage message : page) {
            ZoneId zone = ZoneId.of(message.timeZone() == null ? "UTC" : message.timeZone());
            if (window.isOpen(now, zone)) {
                open.add(message);
            } else {
                deferred.add(message.id());
                due.add(window.nextOpening(now, zone).toEpochMilli());
            }
        }
        if (!deferred.isEmpty()) {
            ownTransaction.executeWithoutResult(status -> deliveries.defer(batchId, partitionNo,
                    deferred.toArray(Long[]::new), due.toArray(Long[]::new)));
        }
        return open;
    }

    private SendWindow parse(String stored) {
        try {
            return json.readValue(stored, SendWindow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored send window cannot be read: " + stored, e);
        }
    }
}
