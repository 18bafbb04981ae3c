package org.smsengine.pipeline.preparation;

import java.util.List;
import org.smsengine.recipient.RecipientMapper;
import org.smsengine.recipient.RecipientRow;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Reads one partition's recipients in row order, a page at a time by keyset (never OFFSET). A page
 * is one item, so Spring Batch's per-item work is done once per page rather than once per row.
 * Restartable: the last row handed out is saved with every committed chunk.
 */
class RecipientRangeReader implements ItemStreamReader<List<RecipientRow>> {

    private static final String LAST_ROW = "recipients.lastRow";

    private final long batchId;
    private final int lastRow;
    private final int pageSize;
    private final RecipientMapper recipients;
    private int lastRead;

    RecipientRangeReader(long batchId, int firstRow, int lastRow, int pageSize, RecipientMapper recipients) {
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

    @Override
    public List<RecipientRow> read() {
        List<RecipientRow> page = recipients.findRange(batchId, lastRead, lastRow, pageSize);
        if (page.isEmpty()) {
            return null;
        }
        lastRead = page.get(page.size() - 1).rowNo();
        return page;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(LAST_ROW, lastRead);
    }
}
