package org.smsengine.audience;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.PageRequest;
import org.smsengine.batch.PageView;
import org.smsengine.batch.SendParameterValidator;
import org.smsengine.recipient.PhoneCheck;
import org.smsengine.recipient.PhoneNumbers;
import org.smsengine.system.FailureText;
import org.smsengine.system.InputError;
import org.smsengine.system.NotFoundException;
import org.smsengine.system.PgCopy;
import org.smsengine.upload.CsvHeader;
import org.smsengine.upload.CsvIntake;
import org.smsengine.upload.RecordSource;
import org.smsengine.upload.RecordSources;
import org.smsengine.upload.SourceFormat;
import org.smsengine.upload.SourceRecord;
import org.smsengine.upload.UploadSettings;
import org.smsengine.upload.UploadStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Audiences: a CSV is checked as a batch's upload is (encoding, header, phone column, shape) and
 * stored in chunks; its rows are then checked in the background as a batch's validation does
 * (phone numbers against the audience's region, duplicates found set-wise in PostgreSQL, never in
 * the heap). Opt-outs are not counted here: they are checked again each time a campaign sends.
 */
@Service
public class AudienceService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AudienceService.class);
    private static final int COPY_ROWS = 5000;

    private final AudienceMapper audiences;
    private final UploadStore uploads;
    private final UploadSettings settings;
    private final SendParameterValidator parameters;
    private final RecordSources recordSources;
    private final PgCopy copy;
    private final ApplicationEventPublisher events;
    private final ExecutorService validations = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audience-validation");
        thread.setDaemon(true);
        return thread;
    });

    AudienceService(AudienceMapper audiences, UploadStore uploads, UploadSettings settings,
            SendParameterValidator parameters, RecordSources recordSources, PgCopy copy, ApplicationEventPublisher events) {
        this.audiences = audiences;
        this.uploads = uploads;
        this.settings = settings;
        this.parameters = parameters;
        this.recordSources = recordSources;
        this.copy = copy;
        this.events = events;
    }

    @Transactional
    public long create(String name, String region, String phoneColumn, InputStream csv, String user) throws IOException {
        List<InputError> errors = new ArrayList<>();
        String checkedName = parameters.name("name", name, SendParameterValidator.MAX_NAME_LENGTH, errors);
        String regionCode = parameters.region(region, null, errors);
        String phone = parameters.phoneColumn(phoneColumn, errors);
        SendParameterValidator.throwIfAny("The audience is not valid", errors);
        CsvIntake intake = CsvIntake.begin(csv, uploads.chunkSize(), settings.maxRecordSize().toBytes());
        intake.header().requireColumns(phone, List.of());
        long id = audiences.insert(checkedName, regionCode, phone, user);
        long bytes = uploads.store((seq, data) -> audiences.insertChunk(id, seq, data), intake.first(), csv, intake.observer());
        intake.finish();
        audiences.setUploadBytes(id, bytes);
        events.publishEvent(new AudienceCreated(id));
        return id;
    }

    @TransactionalEventListener
    void onCreated(AudienceCreated created) {
        validations.execute(() -> validate(created.audienceId()));
    }

    void validate(long id) {
        AudienceRow audience = audiences.find(id).orElse(null);
        if (audience == null) {
            return;
        }
        long rows = 0;
        long valid = 0;
        long invalid = 0;
        try (RecordSource source = recordSources.open(SourceFormat.CSV, open(id), audience.phoneColumn(), List.of())) {
            PgCopy.CopyRows phones = new PgCopy.CopyRows(COPY_ROWS);
            int pending = 0;
            SourceRecord row;
            while ((row = source.next()) != null) {
                rows++;
                if (row.problem() == null && PhoneNumbers.check(row.phone(), audience.region()) instanceof PhoneCheck.Valid ok) {
                    valid++;
                    phones.add(id).add(ok.e164()).endRow();
                    if (++pending == COPY_ROWS) {
                        copy.copyIn("COPY sms_audience_phone (audience_id, phone) FROM STDIN", phones);
                        phones = new PgCopy.CopyRows(COPY_ROWS);
                        pending = 0;
                    }
                } else {
                    invalid++;
                }
            }
            if (pending > 0) {
                copy.copyIn("COPY sms_audience_phone (audience_id, phone) FROM STDIN", phones);
            }
            long duplicates = audiences.countDuplicates(id);
            audiences.finishValidation(id, AudienceState.READY, rows, valid - duplicates, invalid, duplicates, null);
        } catch (IOException | RuntimeException e) {
            log.warn("Audience {} could not be validated: {}", id, FailureText.forLog(e));
            log.debug("Audience {} could not be validated", id, e);
            audiences.finishValidation(id, AudienceState.FAILED, rows, 0, 0, 0, FailureText.forUsers(e, "audience " + id));
        } finally {
            audiences.forgetPhones(id);
        }
    }

    public AudienceRow require(long id) {
        return audiences.find(id).orElseThrow(() -> new NotFoundException("Audience", id));
    }

    public PageView<AudienceRow> list(PageRequest page) {
        return new PageView<>(audiences.list(page.offset(), page.size()), page.page(), page.size(), audiences.count());
    }

    /** The columns of the audience's CSV (its header row). */
    public CsvHeader header(long id) throws IOException {
        try (InputStream in = open(id)) {
            return CsvIntake.begin(in, uploads.chunkSize(), settings.maxRecordSize().toBytes()).header();
        }
    }

    /** Gives a new batch the audience's CSV as its upload; returns its size. */
    public long copyToBatch(long audienceId, long batchId) {
        return audiences.copyToBatch(audienceId, batchId);
    }

    /** Deletes the audience's rows; the audience is kept, hidden, for the history of the campaigns that used it. */
    @Transactional
    public void delete(long id) {
        if (audiences.markDeleted(id) == 0) {
            throw new NotFoundException("Audience", id);
        }
        audiences.deleteChunks(id);
    }

    private InputStream open(long id) {
        return uploads.open(seq -> {
            AudienceMapper.StoredChunk chunk = audiences.findChunk(id, seq);
            return chunk == null ? null : chunk.data();
        }, "CSV of audience " + id);
    }

    @Override
    public void destroy() {
        validations.shutdownNow();
    }
}
