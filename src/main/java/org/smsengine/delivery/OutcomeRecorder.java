package org.smsengine.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.CounterSlots;
import org.smsengine.message.MessageStatus;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.routing.BudgetPause;
import org.smsengine.routing.Prices;
import org.smsengine.system.Outages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what became of submitted messages, in a transaction of its own. The submissions have
 * happened and cannot be undone, so only the recording is tried again when the database fails in a
 * way that passes: a deadlock a few times, a database that cannot be reached (a restart, a failover)
 * until it answers ({@link Outages}: at most {@code sms.outage.patience}, and not past the node's
 * stop). Were it to fail for good, the messages stay SENDING (in doubt), never resent by this step.
 * Once this node has given its jobs up (they did not stop within its shutdown timeout), it records
 * nothing more: their messages were settled as in doubt, and another node may be sending them already.
 */
@Component
class OutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final DeliveryMapper deliveries;
    private final ReceiptRefMapper refs;
    private final BatchMapper batches;
    private final ProgressPublisher progress;
    private final TransactionTemplate ownTransaction;
    private final StopSignals signals;
    private final MeterRegistry meters;
    private final BudgetPause budgets;
    private final Outages outages;

    OutcomeRecorder(DeliveryMapper deliveries, ReceiptRefMapper refs, BatchMapper batches, ProgressPublisher progress,
            PlatformTransactionManager transactionManager, StopSignals signals, MeterRegistry meters, BudgetPause budgets,
            Outages outages) {
        this.outages = outages;
        this.meters = meters;
        this.budgets = budgets;
        this.deliveries = deliveries;
        this.refs = refs;
        this.batches = batches;
        this.progress = progress;
        this.ownTransaction = OwnTransactions.of(transactionManager);
        this.signals = signals;
    }

    void record(long batchId, int partitionNo, List<MessageOutcome> outcomes) throws InterruptedException {
        if (signals.gaveUp()) {
            log.info("Batch {}: {} outcomes not recorded, this node gave the job up (they were counted in doubt)",
                    batchId, outcomes.size());
            return;
        }
        Optional<BatchMapper.Spent> spent = database(() -> Optional.ofNullable(
                ownTransaction.execute(status -> write(batchId, partitionNo, outcomes))));
        count(outcomes);
        spent.ifPresent(cost -> budgets.spent(batchId, cost.cost(), cost.budget()));
    }

    private <T> T database(Callable<T> statement) throws InterruptedException {
        return outages.waitOut(Outages.Service.DATABASE, signals::nodeStopping, statement);
    }

    /**
     * {@code sms_submits_total} by provider and result (sent, failed, retry, suppressed), once recorded; a
     * message that went to no provider counts under {@code provider="none"}.
     */
    private void count(List<MessageOutcome> outcomes) {
        Map<String, Map<MessageStatus, Long>> byProvider = outcomes.stream().collect(Collectors.groupingBy(
                outcome -> outcome.provider() == null ? "none" : outcome.provider(),
                Collectors.groupingBy(MessageOutcome::status, () -> new EnumMap<>(MessageStatus.class), Collectors.counting())));
        byProvider.forEach((provider, byStatus) -> byStatus.forEach((status, n) -> meters.counter("sms.submits",
                "provider", provider, "result", status == MessageStatus.RETRYING ? "retry" : status.name().toLowerCase(Locale.ROOT))
                .increment(n)));
    }

    /**
     * Puts claimed messages no provider could take back, due at {@code due}: not an attempt (a message
     * waits for a provider to come back, however long that takes, rather than failing in its absence).
     */
    void defer(long batchId, int partitionNo, List<Long> ids, java.time.Instant due) throws InterruptedException {
        if (signals.gaveUp() || ids.isEmpty()) {
            return;
        }
        Long[] dueMillis = new Long[ids.size()];
        java.util.Arrays.fill(dueMillis, due.toEpochMilli());
        database(() -> ownTransaction.execute(status ->
                deliveries.defer(batchId, partitionNo, ids.toArray(Long[]::new), dueMillis)));
    }

    /**
     * The parts of these messages an earlier attempt got accepted (a retry sends only the others): read in a
     * transaction of its own, as every statement of a delivery chunk is (see {@link MessageClaimer}).
     */
    List<DeliveryMapper.PartRef> acceptedParts(long batchId, Long[] messageIds) throws InterruptedException {
        return database(() -> ownTransaction.execute(status -> deliveries.acceptedParts(batchId, messageIds)));
    }

    /** Puts claimed messages that were not submitted back as retries due now (the step is stopping). */
    void release(long batchId, int partitionNo, List<Long> ids) throws InterruptedException {
        if (signals.gaveUp()) {
            return;
        }
        database(() -> ownTransaction.execute(status ->
                deliveries.releaseUnsubmitted(batchId, partitionNo, ids.toArray(Long[]::new))));
    }

    /** Writes the outcomes, their parts' references, counts and cost; returns the batch's cost after them (null: none added). */
    private BatchMapper.Spent write(long batchId, int partitionNo, List<MessageOutcome> outcomes) {
        int n = outcomes.size();
        Long[] ids = new Long[n];
        String[] statuses = new String[n];
        String[] providers = new String[n];
        String[] providerIds = new String[n];
        String[] errors = new String[n];
        Boolean[] retryables = new Boolean[n];
        List<Long> retryIds = new ArrayList<>();
        List<Long> retryIn = new ArrayList<>();
        List<DeliveryMapper.PartRef> accepted = new ArrayList<>();
        List<String> acceptedBy = new ArrayList<>();
        long sent = 0;
        long failed = 0;
        long suppressed = 0;
        long costMicros = 0;
        for (int i = 0; i < n; i++) {
            MessageOutcome outcome = outcomes.get(i);
            ids[i] = outcome.id();
            statuses[i] = outcome.status().name();
            providers[i] = outcome.provider();
            providerIds[i] = outcome.providerMessageId();
            errors[i] = outcome.error();
            retryables[i] = outcome.retryable();
            if (outcome.status() == MessageStatus.RETRYING) {
                retryIds.add(outcome.id());
                retryIn.add(outcome.retryInMillis());
            }
            List<DeliveryMapper.PartRef> refs = outcome.partRefs(batchId, partitionNo);
            accepted.addAll(refs);
            refs.forEach(ref -> acceptedBy.add(outcome.provider()));
            sent += outcome.status() == MessageStatus.SENT ? 1 : 0;
            failed += outcome.status() == MessageStatus.FAILED ? 1 : 0;
            suppressed += outcome.status() == MessageStatus.SUPPRESSED ? 1 : 0;
            costMicros += outcome.costMicros();
        }
        deliveries.recordOutcomes(batchId, partitionNo, ids, statuses, providers, providerIds, errors, retryables);
        if (!retryIds.isEmpty()) {
            deliveries.queueRetries(batchId, partitionNo, retryIds.toArray(Long[]::new), retryIn.toArray(Long[]::new));
        }
        if (!accepted.isEmpty()) {
            refs.insert(acceptedBy.toArray(String[]::new),
                    accepted.stream().map(DeliveryMapper.PartRef::providerMessageId).toArray(String[]::new),
                    accepted.stream().map(DeliveryMapper.PartRef::batchId).toArray(Long[]::new),
                    accepted.stream().map(DeliveryMapper.PartRef::partitionNo).toArray(Integer[]::new),
                    accepted.stream().map(DeliveryMapper.PartRef::messageId).toArray(Long[]::new),
                    accepted.stream().map(DeliveryMapper.PartRef::part).toArray(Integer[]::new),
                    accepted.stream().map(DeliveryMapper.PartRef::parts).toArray(Integer[]::new));
        }
        BatchRow batch = batches.addCounts(batchId, CounterSlots.partition(partitionNo),
                BatchCounts.submitted(sent, failed, suppressed), 0, 0, Prices.amount(costMicros));
        progress.publish(batch);
        return costMicros == 0 ? null : new BatchMapper.Spent(batch.cost(), batch.budget());
    }
}
