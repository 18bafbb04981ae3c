package org.smsengine.pipeline.preparation;

import java.util.List;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.recipient.RecipientMapper;
import org.smsengine.recipient.RecipientRow;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Reads one partition's recipients in row order, a window of {@code pageSize} rows at a time (never
 * OFFSET, never "the next n": see RecipientMapper.xml). A page is one item, so Spring Batch's per-item
 * work is done once per page rather than once per row. Restartable: the end of the last window handed
 * out is saved with every committed chunk. A stop of the batch (its pause or abort, heard from any node)
 * or of this node (SIGTERM) stops the partition at this chunk boundary, as the job repository's STOPPING
 * does at the next one: the step ends STOPPED and restartable, and a partition a stopping node ran for
 * another node's job is handed back to the broker at once rather than left to its node's death.
 */
class RecipientRangeReader implements ItemStreamReader<List<RecipientRow>> {

    private static final String LAST_ROW = "recipients.lastRow";

    private final long batchId;
    private final int lastRow;
    private final int pageSize;
    private final RecipientMapper recipients;
    private final StopSignals signals;
    private final StepExecution stepExecution;
    private int lastRead;

    RecipientRangeReader(long batchId, int firstRow, int lastRow, int pageSize, RecipientMapper recipients,
            StopSignals signals, StepExecution stepExecution) {
        this.signals = signals;
        this.stepExecution = stepExecution;
        this.batchId = batchId;
        this.lastRow = lastRow;
        this.pageSize = pageSize;
        this.recipients = recipients;
        this.lastRead = firstRow - 1;
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(LAST_ROW)) {
            lastRead = context.getInt(LAST_ROW);
        }
    }

    /** The recipients of the next window of {@code pageSize} rows that has any (rejected rows leave gaps), or null at the end. */
    @Override
    public List<RecipientRow> read() {
        if (signals.stopRequested(batchId)) {
            // an empty page, not null (null would end the partition COMPLETED); the step stops before the next chunk
            stepExecution.setTerminateOnly();
            return List.of();
        }
        while (lastRead < lastRow) {
            int through = (int) Math.min(lastRow, (long) lastRead + pageSize);
            List<RecipientRow> page = recipients.findWindow(batchId, lastRead, through);
            lastRead = through;
            if (!page.isEmpty()) {
                return page;
            }
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(LAST_ROW, lastRead);
    }
}
