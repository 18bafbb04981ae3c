package org.smsengine.pipeline.validation;

import java.io.IOException;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.UploadStore;
import org.smsengine.recipient.RecordSource;
import org.smsengine.recipient.RecordSources;
import org.smsengine.recipient.SourceRecord;
import org.smsengine.template.MessageTemplate;
import org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads a batch's stored upload row by row. Restartable: Spring Batch saves how many rows were
 * read with every committed chunk, and a restart skips that many.
 */
class UploadRecordReader extends AbstractItemCountingItemStreamItemReader<SourceRecord> {

    private final BatchRow batch;
    private final UploadStore uploads;
    private final RecordSources sources;
    private RecordSource source;

    UploadRecordReader(BatchRow batch, UploadStore uploads, RecordSources sources) {
        this.batch = batch;
        this.uploads = uploads;
        this.sources = sources;
        setName("upload");
    }

    /** Bytes of the upload read so far: how far validation has come. */
    public long bytesRead() {
        return source == null ? 0 : source.bytesRead();
    }

    @Override
    protected void doOpen() throws IOException {
        source = sources.open(batch.sourceFormat(), uploads.open(batch.id()), batch.phoneColumn(),
                MessageTemplate.parse(batch.template()).variables());
    }

    @Override
    protected SourceRecord doRead() throws IOException {
        return source.next();
    }

    @Override
    protected void doClose() throws IOException {
        if (source != null) {
            source.close();
        }
    }
}
