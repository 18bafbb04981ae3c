package org.smsengine.pipeline.preparation;

import java.util.Iterator;
import java.util.List;
import org.smsengine.recipient.RecipientMapper;
import org.smsengine.recipient.RecipientRow;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Reads one partition's recipients in row order, a page at a time by keyset (never OFFSET).
 * Restartable: the last row handed out is saved with every committed chunk.
 */
class RecipientRangeReader implements ItemStreamReader<RecipientRow> {

    private static final String LAST_ROW = "recipients.lastRow";

    private final long batchId;
    private final int lastRow;
    private final int pageSize;
    private final RecipientMapper recipients;
    private int lastRead;
    private Iterator<RecipientRow> page = List.<RecipientRow>of().iterator();
    private boolean exhausted;

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
    public RecipientRow read() {
        if (!page.hasNext() && !exhausted) {
            List<RecipientRow> next = recipients.findRange(batchId, lastRead, lastRow, pageSize);
            exhausted = next.size() < pageSize;
            page = next.iterator();
        }
        if (!page.hasNext()) {
            return null;
        }
        RecipientRow row = page.next();
        lastRead = row.rowNo();
        return row;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(LAST_ROW, lastRead);
    }
}
