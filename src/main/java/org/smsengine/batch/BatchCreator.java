package org.smsengine.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.smsengine.system.PayloadTooLargeException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a batch from an upload in one transaction: the batch row and every chunk of the upload
 * commit together, or, when anything about the request is wrong, nothing is left behind.
 */
@Service
public class BatchCreator {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final BatchMapper batches;
    private final UploadStore uploads;
    private final UploadSettings settings;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    BatchCreator(BatchMapper batches, UploadStore uploads, UploadSettings settings, ApplicationEventPublisher events,
            ObjectMapper json, Clock clock) {
        this.batches = batches;
        this.uploads = uploads;
        this.settings = settings;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public long createFromCsv(BatchParameters parameters, InputStream csv, String user) throws IOException {
        BatchParameters.Checked checked = parameters.check(settings, clock);
        byte[] first = withoutBom(readFirstChunk(csv));
        CsvUploadScanner scanner = new CsvUploadScanner(settings.maxRecordSize().toBytes());
        scanner.feed(first, 0, first.length);
        CsvHeader header = CsvHeader.parse(headerLine(first, scanner));
        header.requireColumns(checked.phoneColumn(), checked.template().variables());

        long id = batches.insert(checked.toNewBatch(SourceFormat.CSV, user));
        long bytes = uploads.store(id, first, csv, chunk -> scanner.feed(chunk, 0, chunk.length));
        if (scanner.finish() == 0) {
            throw new InvalidInputException(InputError.row(2, "The file has a header row but no recipient rows"));
        }
        return created(id, bytes);
    }

    @Transactional
    public long createFromJson(JsonBatchRequest request, String user) {
        BatchParameters.Checked checked = request.parameters().check(settings, clock);
        List<JsonRecipient> recipients = request.recipients();
        if (recipients == null || recipients.isEmpty()) {
            throw new InvalidInputException(InputError.field("recipients", "A batch needs at least one recipient"));
        }
        if (recipients.size() > settings.maxJsonRecipients()) {
            throw new PayloadTooLargeException("The JSON form takes at most " + settings.maxJsonRecipients()
                    + " recipients (sms.upload.max-json-recipients); upload a CSV for more");
        }
        for (String variable : checked.template().variables()) {
            boolean anyHasIt = recipients.stream().anyMatch(r -> r != null && r.vars() != null && r.vars().containsKey(variable));
            if (!anyHasIt) {
                throw new InvalidInputException(InputError.field("template",
                        "{{" + variable + "}} is not in the vars of any recipient"));
            }
        }
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

    private byte[] readFirstChunk(InputStream csv) throws IOException {
        byte[] first = csv.readNBytes(uploads.chunkSize());
        if (first.length == 0) {
            throw new InvalidInputException(InputError.field("file", "The file is empty"));
        }
        if (first.length >= 2 && ((first[0] == (byte) 0xFF && first[1] == (byte) 0xFE)
                || (first[0] == (byte) 0xFE && first[1] == (byte) 0xFF))) {
            throw new InvalidInputException(InputError.field("file",
                    "The file is UTF-16 text; save it as 'CSV UTF-8' and upload it again"));
        }
        return first;
    }

    private static byte[] withoutBom(byte[] first) {
        boolean bom = first.length >= 3 && first[0] == UTF8_BOM[0] && first[1] == UTF8_BOM[1] && first[2] == UTF8_BOM[2];
        return bom ? Arrays.copyOfRange(first, 3, first.length) : first;
    }

    private String headerLine(byte[] first, CsvUploadScanner scanner) {
        long end = scanner.headerEndOffset();
        if (end < 0 && first.length < uploads.chunkSize()) {
            end = first.length; // the whole file is one line: a header without rows, which finish() refuses
        }
        if (end < 0) {
            throw new InvalidInputException(InputError.row(1, "The header row is longer than the first "
                    + first.length + " bytes, or the file has no line break after it"));
        }
        return new String(first, 0, (int) end, StandardCharsets.UTF_8);
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
