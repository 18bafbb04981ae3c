package org.smsengine.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.smsengine.batch.SendWindow;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.system.Outages;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a partition's messages for delivery by claiming them: a page is marked SENDING and
 * committed, in a transaction of its own, before anything is submitted, so a message can never be
 * sent twice by a retried or restarted chunk. First attempts come in id order (a keyset cursor,
 * saved with each chunk); then due retries. While retries wait for their time it hands out an empty
 * page at least every {@code maxWait}, so the step keeps passing chunk boundaries and can stop.
 * Outside the batch's send window it claims nothing and waits the same way ({@link SendWindows}).
 * Each page is screened for consent before it is handed on ({@link ConsentGate}); once the batch's
 * validity has passed, what is left of the partition is suppressed and the partition is done.
 * Each of its statements waits out a database that cannot be reached ({@link Outages}), one by one: a
 * page claimed is never claimed again, nor left behind, because a later statement failed. Each runs in a
 * transaction of its own, reads too: a statement outside one would be given a connection bound to the
 * chunk's (resourceless) transaction for the chunk's length, held through the rate limit's waits, and,
 * once the database had dropped it, failing every later statement of the chunk.
 */
public class MessageClaimer implements ItemStreamReader<ClaimedPage> {

    private static final String CURSOR = "delivery.cursor";

    private final long batchId;
    private final int partitionNo;
    private final int pageSize;
    private final DeliveryMapper deliveries;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Duration maxWait;
    private final StopSignals signals;
    private final StepExecution stepExecution;
    private final SendWindows windows;
    private final ConsentGate consent;
    private final Consent terms;
    private final Outages outages;
    private long cursor;

    /** What the batch asks of consent: its sender (for the contact an inbound reply links to), caps, validity. */
    record Consent(String sender, boolean capped, Instant validUntil) {
    }

    public MessageClaimer(long batchId, int partitionNo, int pageSize, DeliveryMapper deliveries,
            PlatformTransactionManager transactionManager, Clock clock, Duration maxWait, StopSignals signals,
            StepExecution stepExecution, SendWindows windows, ConsentGate consent, Consent terms, Outages outages) {
        this.outages = outages;
        this.consent = consent;
        this.terms = terms;
        this.signals = signals;
        this.windows = windows;
        this.stepExecution = stepExecution;
        this.batchId = batchId;
        this.partitionNo = partitionNo;
        this.pageSize = pageSize;
        this.deliveries = deliveries;
        this.clock = clock;
        this.maxWait = maxWait;
        this.ownTransaction = OwnTransactions.of(transactionManager);
    }

    @Override
    public void open(ExecutionContext context) {
        cursor = context.getLong(CURSOR, 0L);
    }

    @Override
    public ClaimedPage read() throws InterruptedException {
        if (signals.stopRequested(batchId)) {
            // stop at this chunk boundary, as Spring Batch does when the job is STOPPING: the step ends STOPPED, restartable
            stepExecution.setTerminateOnly();
            return ClaimedPage.empty();
        }
        Instant now = clock.instant();
        if (terms.validUntil() != null && !now.isBefore(terms.validUntil())) {
            database(() -> consent.expire(batchId, partitionNo));
            return null;
        }
        SendWindows.Current current = database(() -> ownTransaction.execute(status -> windows.current(batchId)));
        SendWindow window = current.window();
        if (window != null && !window.recipientLocal() && !window.isOpen(now, window.zone())) {
            Instant opens = window.nextOpening(now, window.zone());
            showWaiting(current, opens);
            Thread.sleep(Math.max(1, Math.min(Duration.between(now, opens).toMillis(), maxWait.toMillis())));
            return ClaimedPage.empty();
        }
        boolean recipientLocal = window != null && window.recipientLocal();
        List<ClaimedMessage> page = claim(() -> deliveries.claimFirstAttempts(batchId, partitionNo, cursor, pageSize));
        if (!page.isEmpty()) {
            cursor = page.get(page.size() - 1).id();
            List<ClaimedMessage> claimed = page;
            List<ClaimedMessage> open = recipientLocal
                    ? database(() -> windows.openOnly(batchId, partitionNo, window, claimed, now)) : page;
            showWaiting(current, null);
            return new ClaimedPage(screened(open), window);
        }
        page = claim(() -> deliveries.claimDueRetries(batchId, partitionNo, pageSize));
        if (recipientLocal && !page.isEmpty()) {
            List<ClaimedMessage> claimed = page;
            page = database(() -> windows.openOnly(batchId, partitionNo, window, claimed, now));
        }
        if (!page.isEmpty()) {
            showWaiting(current, null);
            return new ClaimedPage(screened(page), window);
        }
        OffsetDateTime nextRetry = database(() -> ownTransaction.execute(status -> deliveries.nextRetryDue(batchId, partitionNo)));
        if (nextRetry == null) {
            return null;
        }
        if (recipientLocal) {
            // what is left waits for its recipients' windows (or a retry's backoff): shown as waiting until the next of them
            showWaiting(current, nextRetry.toInstant());
        }
        Duration wait = Duration.between(OffsetDateTime.now(clock), nextRetry);
        Thread.sleep(Math.max(1, Math.min(wait.toMillis(), maxWait.toMillis())));
        return ClaimedPage.empty();
    }

    private List<ClaimedMessage> screened(List<ClaimedMessage> page) throws InterruptedException {
        return database(() -> consent.pass(batchId, partitionNo, terms.sender(), terms.capped(), page));
    }

    private void showWaiting(SendWindows.Current current, Instant until) throws InterruptedException {
        database(() -> {
            windows.showWaiting(batchId, current, until);
            return null;
        });
    }

    private List<ClaimedMessage> claim(Supplier<List<ClaimedMessage>> claim) throws InterruptedException {
        List<ClaimedMessage> page = new ArrayList<>(database(() -> ownTransaction.execute(status -> claim.get())));
        page.sort(Comparator.comparingLong(ClaimedMessage::id));
        return page;
    }

    /** A statement that waits out the database, unless this partition is asked to stop meanwhile (the node stopping). */
    private <T> T database(Callable<T> statement) throws InterruptedException {
        return outages.waitOut(Outages.Service.DATABASE, () -> signals.stopRequested(batchId), statement);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(CURSOR, cursor);
    }
}
