package org.smsengine.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;
import org.smsengine.upload.CsvIntake;
import org.smsengine.upload.JsonRecipient;
import org.smsengine.upload.SourceFormat;
import org.smsengine.upload.UploadSettings;
import org.smsengine.upload.UploadStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a batch from an upload in one transaction: the batch row and every chunk of the upload
 * commit together, or, when anything about the request is wrong, nothing is left behind.
 */
@Service
public class BatchCreator {

    private final BatchMapper batches;
    private final UploadStore uploads;
    private final UploadSettings settings;
    private final SendParameterValidator validator;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    BatchCreator(BatchMapper batches, UploadStore uploads, UploadSettings settings, SendParameterValidator validator,
            ApplicationEventPublisher events, ObjectMapper json) {
        this.batches = batches;
        this.uploads = uploads;
        this.settings = settings;
        this.validator = validator;
        this.events = events;
        this.json = json;
    }

    @Transactional
    public long createFromCsv(BatchParameters parameters, InputStream csv, String user) throws IOException {
        BatchParameters.Checked checked = validator.check(parameters);
        CsvIntake intake = CsvIntake.begin(csv, uploads.chunkSize(), settings.maxRecordSize().toBytes());
        intake.header().requireColumns(checked.phoneColumn(), checked.template().variables());

        long id = batches.insert(checked.toNewBatch(SourceFormat.CSV, user));
        long bytes = uploads.store(id, intake.first(), csv, intake.observer());
        intake.finish();
        return created(id, bytes);
    }

    /**
     * A batch whose CSV is already stored elsewhere (a campaign's audience): its parameters are
     * checked as an upload's, then {@code storeUpload} gives the new batch its upload (returning its
     * size), and {@code tie} whatever else belongs to the batch, in the same transaction.
     */
    @Transactional
    public long createFromStoredCsv(BatchParameters parameters, String user, LongUnaryOperator storeUpload,
            LongConsumer tie) {
        BatchParameters.Checked checked = validator.check(parameters);
        long id = batches.insert(checked.toNewBatch(SourceFormat.CSV, user));
        tie.accept(id);
        return created(id, storeUpload.applyAsLong(id));
    }

    @Transactional
    public long createFromJson(JsonBatchRequest request, String user) {
        BatchParameters.Checked checked = validator.check(request.parameters());
        List<JsonRecipient> recipients = request.checkedRecipients(settings.maxJsonRecipients(), checked.template().variables());
        long id = batches.insert(checked.toNewBatch(SourceFormat.JSON, user));
        try {
            return created(id, uploads.store(id, new byte[0], new ByteArrayInputStream(jsonLines(recipients)), chunk -> { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long created(long id, long bytes) {
        batches.setUploadBytes(id, bytes);
        events.publishEvent(new BatchCreated(id));
        return id;
    }

    private byte[] jsonLines(List<JsonRecipient> recipients) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(recipients.size() * 64);
        ObjectWriter lineWriter = json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try {
            for (JsonRecipient recipient : recipients) {
                lineWriter.writeValue(out, recipient == null ? new JsonRecipient(null, null) : recipient);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
