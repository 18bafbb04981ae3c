package org.smsengine.pipeline.validation;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.CountDelta;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.recipient.RejectReason;
import org.smsengine.recipient.RejectRow;
import org.smsengine.recipient.RejectStore;
import org.smsengine.recipient.SourceRecord;
import org.springframework.batch.core.SkipListener;

/**
 * Keeps a row whose checking threw as a {@code malformed_row} reject, so that a skip never loses
 * a recipient and the counts still add up. Spring Batch calls it inside the chunk's transaction.
 */
class SkippedRowRecorder implements SkipListener<SourceRecord, ValidatedRow> {

    private static final Logger log = LoggerFactory.getLogger(SkippedRowRecorder.class);

    private final long batchId;
    private final RejectStore rejects;
    private final BatchMapper batches;
    private final ProgressPublisher progress;

    SkippedRowRecorder(long batchId, RejectStore rejects, BatchMapper batches, ProgressPublisher progress) {
        this.batchId = batchId;
        this.rejects = rejects;
        this.batches = batches;
        this.progress = progress;
    }

    @Override
    public void onSkipInProcess(SourceRecord row, Throwable cause) {
        log.warn("Batch {}: {}", batchId, cause.getMessage(), cause);
        rejects.insert(batchId, List.of(new RejectRow(row.rowNo(), row.phone(), RejectReason.MALFORMED_ROW,
                row.raw())));
        progress.publish(batches.addCounts(batchId, new CountDelta(1, 0, 1, 0, 0, 0, 0, 0)));
    }
}
