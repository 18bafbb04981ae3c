package org.smsengine.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.CounterSlots;
import org.smsengine.delivery.screening.PageScreen;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.progress.ProgressPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consent at send time: a claimed page is screened set-wise (the opt-out list, the frequency caps:
 * {@link PageScreen}), and the messages it holds back end SUPPRESSED with the reason as their error,
 * counted in the same transaction. When a batch's validity has passed, what is left of a partition
 * ends SUPPRESSED ({@code validity_passed}) at once.
 */
@Component
class ConsentGate {

    private final PageScreen screen;
    private final DeliveryMapper deliveries;
    private final BatchMapper batches;
    private final ProgressPublisher progress;
    private final TransactionTemplate ownTransaction;
    private final StopSignals signals;

    ConsentGate(PageScreen screen, DeliveryMapper deliveries, BatchMapper batches, ProgressPublisher progress,
            PlatformTransactionManager transactionManager, StopSignals signals) {
        this.screen = screen;
        this.deliveries = deliveries;
        this.batches = batches;
        this.progress = progress;
        this.ownTransaction = OwnTransactions.of(transactionManager);
        this.signals = signals;
    }

    /**
     * The messages of a claimed page that may be sent; the others are SUPPRESSED (one screening
     * statement and, if any is held back, one update, in a transaction of their own).
     *
     * @param capped whether the frequency caps apply (the batch is not transactional)
     */
    List<ClaimedMessage> pass(long batchId, int partitionNo, String sender, boolean capped, List<ClaimedMessage> page) {
        if (page.isEmpty()) {
            return page;
        }
        return ownTransaction.execute(status -> {
            Map<String, String> held = screen.screen(batchId, sender, capped,
                    page.stream().map(ClaimedMessage::phone).toList());
            if (held.isEmpty()) {
                return page;
            }
            List<ClaimedMessage> pass = new ArrayList<>(page.size());
            List<Long> ids = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (ClaimedMessage message : page) {
                String reason = held.get(message.phone());
                if (reason == null) {
                    pass.add(message);
                } else {
                    ids.add(message.id());
                    reasons.add(reason);
                }
            }
            suppress(batchId, partitionNo, ids, reasons);
            return pass;
        });
    }

    /** Whether the message's number opted out since its page was screened (checked right before its submit). */
    boolean optedOutSince(ClaimedMessage message) {
        return screen.optedOutSince(message.phone());
    }

    /** The batch's validity has passed: every message of the partition not yet sent ends SUPPRESSED. */
    long expire(long batchId, int partitionNo) {
        if (signals.gaveUp()) {
            return 0;
        }
        Long expired = ownTransaction.execute(status -> {
            long n = deliveries.expireRest(batchId, partitionNo, PageScreen.VALIDITY_PASSED);
            if (n > 0) {
                progress.publish(batches.addCounts(batchId, CounterSlots.partition(partitionNo), BatchCounts.submitted(0, 0, n)));
            }
            return n;
        });
        return expired == null ? 0 : expired;
    }

    private void suppress(long batchId, int partitionNo, List<Long> ids, List<String> reasons) {
        int n = deliveries.suppress(batchId, partitionNo, ids.toArray(Long[]::new), reasons.toArray(String[]::new));
        if (n > 0) {
            progress.publish(batches.addCounts(batchId, CounterSlots.partition(partitionNo), BatchCounts.submitted(0, 0, n)));
        }
    }
}
