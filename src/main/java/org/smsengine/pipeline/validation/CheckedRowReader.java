package org.smsengine.pipeline.validation;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import org.smsengine.batch.BatchRow;
import org.smsengine.template.MessageTemplate;
import org.smsengine.upload.RecordSource;
import org.smsengine.upload.RecordSources;
import org.smsengine.upload.UploadStore;
import org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads a batch's stored upload as blocks of checked rows. Restartable: Spring Batch saves how many
 * blocks were read with every committed chunk; a restart skips that many blocks' rows without
 * checking them, then goes on.
 */
class CheckedRowReader extends AbstractItemCountingItemStreamItemReader<RowBlock> {

    private static final int BLOCKS_AHEAD = 8;

    private final BatchRow batch;
    private final UploadStore uploads;
    private final RecordSources sources;
    private final RowValidator validator;
    private final ExecutorService pool;
    private RecordSource source;
    private CheckedRows rows;

    CheckedRowReader(BatchRow batch, UploadStore uploads, RecordSources sources, RowValidator validator,
            ExecutorService pool) {
        this.batch = batch;
        this.uploads = uploads;
        this.sources = sources;
        this.validator = validator;
        this.pool = pool;
        setName("upload");
    }

    @Override
    protected void doOpen() throws IOException {
        source = sources.open(batch.sourceFormat(), uploads.open(batch.id()), batch.phoneColumn(),
                MessageTemplate.parse(batch.template()).variables());
    }

    @Override
    protected void jumpToItem(int itemIndex) throws Exception {
        long rowsToSkip = (long) itemIndex * RowBlock.SIZE;
        for (long i = 0; i < rowsToSkip && source.next() != null; i++) {
            // rows committed before the restart: skipped without checking
        }
    }

    @Override
    protected RowBlock doRead() throws Exception {
        if (rows == null) {
            rows = new CheckedRows(source, validator::validate, pool, RowBlock.SIZE, BLOCKS_AHEAD);
        }
        return rows.next();
    }

    @Override
    protected void doClose() throws IOException {
        if (rows != null) {
            rows.close();
            rows = null;
        }
        if (source != null) {
            source.close();
        }
    }
}
