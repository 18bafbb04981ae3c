package org.smsengine.pipeline.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.CounterSlots;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.recipient.RecipientStore;
import org.smsengine.recipient.RejectRow;
import org.smsengine.recipient.RejectStore;
import org.smsengine.system.LogText;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStream;
import org.springframework.batch.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a chunk of checked rows in its one transaction: recipients and rejects by COPY, then the
 * batch's counters once. {@code valid} counts numbers that passed; screening, at the end of the
 * step, moves opt-outs and duplicates out of it, so the counts add up at every commit.
 *
 * <p>A row whose checking threw is kept as a {@code malformed_row} reject; more such rows than the
 * step's skip limit fail the batch, because then something is wrong with the engine, not the row.
 */
class ValidationWriter implements ItemWriter<RowBlock>, ItemStream {

    private static final Logger log = LoggerFactory.getLogger(ValidationWriter.class);
    private static final String FAILED_ROWS = "validation.failedRows";

    private final long batchId;
    private final int skipLimit;
    private final RecipientStore recipients;
    private final RejectStore rejects;
    private final BatchMapper batches;
    private final ProgressPublisher progress;
    private long failedRows;

    ValidationWriter(long batchId, int skipLimit, RecipientStore recipients, RejectStore rejects, BatchMapper batches,
            ProgressPublisher progress) {
        this.batchId = batchId;
        this.skipLimit = skipLimit;
        this.recipients = recipients;
        this.rejects = rejects;
        this.batches = batches;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends RowBlock> chunk) {
        List<RecipientStore.NewRecipient> accepted = new ArrayList<>(chunk.size() * RowBlock.SIZE);
        List<RejectRow> rejected = new ArrayList<>();
        long failed = 0;
        long rows = 0;
        long bytesRead = 0;
        for (RowBlock block : chunk) {
            rows += block.rows().size();
            bytesRead = block.bytesRead();
            failed += split(block, accepted, rejected);
        }
        countFailures(failed);
        recipients.append(batchId, accepted);
        rejects.insert(batchId, rejected);
        BatchCounts delta = BatchCounts.checked(rows, accepted.size(), rejected.size());
        progress.publish(batches.addCounts(batchId, CounterSlots.BATCH, delta, 0, bytesRead, BigDecimal.ZERO));
    }

    /** Sorts a block's rows into recipients and rejects; returns how many rows failed to be checked. */
    private long split(RowBlock block, List<RecipientStore.NewRecipient> accepted, List<RejectRow> rejected) {
        long failed = 0;
        for (ValidatedRow row : block.rows()) {
            if (row instanceof ValidatedRow.Accepted valid) {
                accepted.add(valid.toRecipient());
            } else if (row instanceof ValidatedRow.Rejected reject) {
                rejected.add(reject.toRejectRow());
                if (reject.failure() != null) {
                    failed++;
                    log.warn("Batch {}, row {} could not be checked: {}", batchId, reject.source().rowNo(),
                            LogText.escape(reject.failure()));
                }
            }
        }
        return failed;
    }

    private void countFailures(long failed) {
        if (failed == 0) {
            return;
        }
        failedRows += failed;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    failedRows -= failed;
                }
            }
        });
        if (failedRows > skipLimit) {
            throw new TooManyFailedRowsException(batchId, failedRows, skipLimit);
        }
    }

    @Override
    public void open(ExecutionContext context) {
        failedRows = context.getLong(FAILED_ROWS, 0);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(FAILED_ROWS, failedRows);
    }

    /** More rows failed to be checked than the step's skip limit allows. */
    static class TooManyFailedRowsException extends RuntimeException {
        TooManyFailedRowsException(long batchId, long failed, int limit) {
            super("Batch " + batchId + ": " + failed + " rows could not be checked, more than the skip limit of " + limit
                    + "; see the log for their errors");
        }
    }
}
