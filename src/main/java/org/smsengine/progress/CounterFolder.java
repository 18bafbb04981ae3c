package org.smsengine.progress;

import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchRow;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves what batches' counter slots hold into their rows ({@link BatchMapper#foldSlots}), every second on
 * every node, and publishes each batch it folded. It never waits: a batch whose row another transaction
 * holds, and a slot a writer holds, are left for the next pass (nodes folding at once skip each other so).
 * The figures read do not change, as row plus slots is what is read; folding keeps each batch's slots few.
 *
 * <p>It also makes the live view converge: writers of different slots publish what each saw, and two of
 * them can publish in the opposite order of their commits. A fold takes a newer {@code progress_seq} than
 * any writer before it and publishes what is committed, and the pass after the one that emptied a batch's
 * slots publishes it once more, so Redis holds the exact figures at the latest two passes after the last write.
 */
@Component
public class CounterFolder {

    private static final Logger log = LoggerFactory.getLogger(CounterFolder.class);

    private final BatchMapper batches;
    private final ProgressPublisher progress;
    private final TransactionTemplate transaction;
    private Set<Long> foldedLastPass = Set.of();

    CounterFolder(BatchMapper batches, ProgressPublisher progress, PlatformTransactionManager transactionManager) {
        this.batches = batches;
        this.progress = progress;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(initialDelay = 1_000, fixedDelayString = "#{@progressSettings.foldInterval}")
    void foldAll() {
        try {
            Set<Long> slotted = new LinkedHashSet<>(batches.slotted());
            for (long batchId : slotted) {
                fold(batchId);
            }
            // a batch whose slots the last pass emptied is published once more, read after everything that
            // committed before that pass: the last word on it in Redis is then never a writer's older view
            for (long batchId : foldedLastPass) {
                if (!slotted.contains(batchId)) {
                    publishNow(batchId);
                }
            }
            foldedLastPass = slotted;
        } catch (DataAccessException e) {
            log.warn("Batch counters were not folded this time: {}", e.getMessage());
        }
    }

    /** Folds one batch's slots into its row; false when its row was held by another transaction. */
    public boolean fold(long batchId) {
        Boolean folded = transaction.execute(status -> {
            if (batches.lockForFold(batchId) == null) {
                return false;
            }
            if (batches.foldSlots(batchId) > 0) {
                batches.find(batchId).ifPresent(progress::publish);
            }
            return true;
        });
        return Boolean.TRUE.equals(folded);
    }

    private void publishNow(long batchId) {
        transaction.executeWithoutResult(status -> {
            BatchRow row = batches.touchProgress(batchId);
            if (row != null) {
                progress.publish(row);
            }
        });
    }
}
