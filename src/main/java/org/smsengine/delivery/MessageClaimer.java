package org.smsengine.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.smsengine.pipeline.StopSignals;
import org.springframework.batch.core.StepExecution;
import java.util.function.Supplier;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a partition's messages for delivery by claiming them: a page is marked SENDING and
 * committed, in a transaction of its own, before anything is submitted, so a message can never be
 * sent twice by a retried or restarted chunk. First attempts come in id order (a keyset cursor,
 * saved with each chunk); then due retries. While retries wait for their time it hands out an empty
 * page at least every {@code maxWait}, so the step keeps passing chunk boundaries and can stop.
 */
public class MessageClaimer implements ItemStreamReader<List<ClaimedMessage>> {

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
    private long cursor;

    public MessageClaimer(long batchId, int partitionNo, int pageSize, DeliveryMapper deliveries,
            PlatformTransactionManager transactionManager, Clock clock, Duration maxWait, StopSignals signals,
            StepExecution stepExecution) {
        this.signals = signals;
        this.stepExecution = stepExecution;
        this.batchId = batchId;
        this.partitionNo = partitionNo;
        this.pageSize = pageSize;
        this.deliveries = deliveries;
        this.clock = clock;
        this.maxWait = maxWait;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void open(ExecutionContext context) {
        cursor = context.getLong(CURSOR, 0L);
    }

    @Override
    public List<ClaimedMessage> read() throws InterruptedException {
        if (signals.stopRequested(batchId)) {
            // stop at this chunk boundary, as Spring Batch does when the job is STOPPING: the step ends STOPPED, restartable
            stepExecution.setTerminateOnly();
            return List.of();
        }
        List<ClaimedMessage> page = claim(() -> deliveries.claimFirstAttempts(batchId, partitionNo, cursor, pageSize));
        if (!page.isEmpty()) {
            cursor = page.get(page.size() - 1).id();
            return page;
        }
        page = claim(() -> deliveries.claimDueRetries(batchId, partitionNo, pageSize));
        if (!page.isEmpty()) {
            return page;
        }
        OffsetDateTime nextRetry = deliveries.nextRetryDue(batchId, partitionNo);
        if (nextRetry == null) {
            return null;
        }
        Duration wait = Duration.between(OffsetDateTime.now(clock), nextRetry);
        Thread.sleep(Math.max(1, Math.min(wait.toMillis(), maxWait.toMillis())));
        return List.of();
    }

    private List<ClaimedMessage> claim(Supplier<List<ClaimedMessage>> claim) {
        List<ClaimedMessage> page = new ArrayList<>(ownTransaction.execute(status -> claim.get()));
        page.sort(Comparator.comparingLong(ClaimedMessage::id));
        return page;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(CURSOR, cursor);
    }
}
