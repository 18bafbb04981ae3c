package org.smsengine.optout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.smsengine.batch.SendParameterValidator;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.smsengine.system.NotFoundException;
import org.smsengine.system.PgCopy;
import org.smsengine.upload.CsvIntake;
import org.smsengine.upload.RecordSource;
import org.smsengine.upload.RecordSources;
import org.smsengine.upload.SourceFormat;
import org.smsengine.upload.UploadSettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request half of an import: the CSV is read once, as it arrives, with the checks every upload
 * gets; its numbers are COPYed into the import's staging as they are read, its other rows counted.
 * All of it is one transaction: a file that cannot be read as CSV (at whatever row) leaves no import,
 * no staging and no entry behind. The list itself changes later, in {@link ImportMerger}'s windows.
 */
@Service
class OptOutImports {

    private final ImportMapper imports;
    private final RecordSources sources;
    private final PgCopy copy;
    private final SendParameterValidator parameters;
    private final UploadSettings upload;
    private final OptOutSettings settings;
    private final Executor checks;
    private final int threads;

    OptOutImports(ImportMapper imports, RecordSources sources, PgCopy copy, SendParameterValidator parameters,
            UploadSettings upload, OptOutSettings settings, @Qualifier("optOutCheckExecutor") ThreadPoolTaskExecutor checks) {
        this.imports = imports;
        this.sources = sources;
        this.copy = copy;
        this.parameters = parameters;
        this.upload = upload;
        this.settings = settings;
        this.checks = checks;
        this.threads = checks.getMaxPoolSize();
    }

    /** Stages the CSV's numbers under a new RUNNING import; returns its id. */
    @Transactional
    long stage(InputStream csv, String region, String phoneColumn, String reason, String actor) throws IOException {
        List<InputError> errors = new ArrayList<>();
        String checkedRegion = parameters.region(region, null, errors);
        String column = parameters.phoneColumn(phoneColumn, errors);
        String checkedReason = OptOutNumbers.reason(reason, false, errors);
        SendParameterValidator.throwIfAny("The import's parameters are not valid", errors);
        CsvIntake intake = CsvIntake.begin(csv, (int) upload.chunkSize().toBytes(), upload.maxRecordSize().toBytes());
        intake.header().requireColumns(column, List.of());

        long id = imports.insert(checkedRegion, column, checkedReason, actor);
        ImportStaging staging;
        try (RecordSource rows = sources.open(SourceFormat.CSV, intake.checkedStream(csv), column, List.of())) {
            staging = new ImportStaging(id, rows, checkedRegion, settings.keptProblems(), checks, 2 * threads);
            try {
                copy.copyIn(ImportStaging.COPY, staging);
            } catch (UncheckedIOException unreadable) {
                intake.finish(); // names the row of a quote never closed, the usual cause
                throw new InvalidInputException(InputError.row(staging.lastRow() + 1, "Row " + (staging.lastRow() + 1)
                        + " cannot be read as CSV: fields are separated by commas, and a quoted field must be closed,"
                        + " with any quote inside it doubled"));
            }
        }
        intake.finish();
        keep(id, staging);
        return id;
    }

    private void keep(long id, ImportStaging staging) {
        imports.staged(id, staging.rows(), staging.invalid());
        List<ImportView.Problem> problems = staging.problems();
        if (!problems.isEmpty()) {
            imports.insertProblems(id, problems.stream().map(ImportView.Problem::row).toArray(Integer[]::new),
                    problems.stream().map(ImportView.Problem::message).toArray(String[]::new));
        }
    }

    ImportView view(long id) {
        ImportMapper.ImportRow row = imports.find(id);
        if (row == null) {
            throw new NotFoundException("Opt-out import", id);
        }
        return ImportView.of(row, imports.problems(id));
    }
}
