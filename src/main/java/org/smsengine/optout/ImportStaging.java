package org.smsengine.optout;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.smsengine.system.PgCopy;
import org.smsengine.upload.RecordSource;
import org.smsengine.upload.SourceRecord;

/**
 * Reads an import's rows and writes its numbers, as COPY rows, to the import's staging. The reader
 * fills blocks of rows; the blocks are checked on the check threads and written in file order, with
 * at most {@code inFlight} blocks between reader and COPY, so memory stays the same for any file. A
 * row without a number is counted, and the first {@code kept} of them remembered with their reason.
 * Row numbers are a spreadsheet's (the header is row 1): the staging's key is in file order, and the
 * merge's windows follow it.
 */
final class ImportStaging implements PgCopy.CopyWriter {

    static final String COPY = "COPY sms_opt_out_staging (import_id, row_no, phone) FROM STDIN";
    private static final int BLOCK = 2048;

    private final long importId;
    private final RecordSource source;
    private final String region;
    private final int kept;
    private final Executor checks;
    private final int inFlight;
    private final Deque<CompletableFuture<RowBlock.Checked>> pending = new ArrayDeque<>();
    private final List<ImportView.Problem> problems = new ArrayList<>();
    private long rows;
    private long invalid;
    private int lastRow = 1;

    ImportStaging(long importId, RecordSource source, String region, int kept, Executor checks, int inFlight) {
        this.importId = importId;
        this.source = source;
        this.region = region;
        this.kept = kept;
        this.checks = checks;
        this.inFlight = inFlight;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        RowBlock block = new RowBlock(BLOCK);
        for (SourceRecord record = source.next(); record != null; record = source.next()) {
            rows++;
            lastRow = record.rowNo();
            block.add(record);
            if (block.isFull()) {
                dispatch(block, out);
                block = new RowBlock(BLOCK);
            }
        }
        if (!block.isEmpty()) {
            dispatch(block, out);
        }
        while (!pending.isEmpty()) {
            drainOldest(out);
        }
    }

    private void dispatch(RowBlock block, OutputStream out) throws IOException {
        pending.add(CompletableFuture.supplyAsync(() -> block.check(importId, region), checks));
        if (pending.size() >= inFlight) {
            drainOldest(out);
        }
    }

    private void drainOldest(OutputStream out) throws IOException {
        RowBlock.Checked checked;
        try {
            checked = pending.poll().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        out.write(checked.copyRows());
        invalid += checked.invalid().size();
        for (ImportView.Problem problem : checked.invalid()) {
            if (problems.size() >= kept) {
                break;
            }
            problems.add(problem);
        }
    }

    long rows() {
        return rows;
    }

    long invalid() {
        return invalid;
    }

    List<ImportView.Problem> problems() {
        return problems;
    }

    /** The last row read: a reader that fails, fails on the row after it. */
    int lastRow() {
        return lastRow;
    }
}
