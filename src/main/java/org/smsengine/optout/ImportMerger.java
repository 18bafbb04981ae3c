package org.smsengine.optout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.system.Failures;
import org.smsengine.system.Outages;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second half of an import: its staged rows go onto the list a window of row numbers at a time
 * ({@code sms.consent.opt-out.import-slice}), each window one transaction that locks the import row,
 * merges the window and advances {@code merged_row} and the counts, so a node that dies mid-merge
 * leaves a consistent import that any node continues where it stopped. The node that staged an
 * import merges it at once; every node looks for RUNNING imports that stopped advancing
 * ({@code resume-after}) and takes one over with a conditional update, so two nodes never pick the
 * same, and if they did, the row lock would make them take turns over windows, each merged once.
 */
@Component
class ImportMerger {

    private static final Logger log = LoggerFactory.getLogger(ImportMerger.class);

    private final ImportMapper imports;
    private final OptOutList list;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;
    private final OptOutSettings settings;
    private final Outages outages;

    ImportMerger(ImportMapper imports, OptOutList list, PlatformTransactionManager transactions,
            @Qualifier("optOutImportExecutor") TaskExecutor executor, OptOutSettings settings, Outages outages) {
        this.outages = outages;
        this.imports = imports;
        this.list = list;
        this.transactions = new TransactionTemplate(transactions);
        this.executor = executor;
        this.settings = settings;
    }

    /** Merges the import on this node's import thread. */
    void submit(long importId) {
        executor.execute(() -> merge(importId));
    }

    /** Takes over the imports whose node stopped merging them. */
    @Scheduled(cron = "#{@optOutSettings.resumeSchedule}")
    void resumeStalled() {
        Long id;
        while ((id = transactions.execute(status -> imports.claimStale(settings.resumeAfter().toMillis()))) != null) {
            log.info("Resuming opt-out import {}: it has not advanced for {}", id, settings.resumeAfter());
            submit(id);
        }
    }

    /**
     * Merges window after window until the import is DONE. A database that is away is waited out, each window
     * tried again until it answers ({@code sms.outage.patience}); past that the import is left RUNNING for a
     * node to resume. Anything else ends it FAILED, with the list as far as it got.
     */
    void merge(long importId) {
        long started = System.nanoTime();
        try {
            while (Boolean.TRUE.equals(outages.waitOut(Outages.Service.DATABASE, () -> false,
                    () -> transactions.execute(status -> mergeNextWindow(importId))))) {
                // each window commits on its own
            }
            log.info("Opt-out import {} merged in {} ms", importId, (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Opt-out import {} stopped with its node; a node resumes it after {}", importId, settings.resumeAfter());
        } catch (RuntimeException e) {
            if (Failures.transientFailure(e)) {
                log.warn("Opt-out import {} stopped; a node resumes it after {}: {}", importId, settings.resumeAfter(),
                        e.getMessage());
                return;
            }
            log.error("Opt-out import {} failed", importId, e);
            transactions.executeWithoutResult(status -> imports.fail(importId,
                    "The merge failed on a database error; the engine's log has it"));
        }
    }

    /** One window in one transaction; false when the import is finished (or not RUNNING). */
    private boolean mergeNextWindow(long importId) {
        ImportMapper.Cursor cursor = imports.lockRunning(importId);
        if (cursor == null) {
            return false;
        }
        Integer last = imports.lastStagedRow(importId);
        if (last == null || last <= cursor.mergedRow()) {
            list.finishImport(importId);
            return false;
        }
        int through = (int) Math.min(last, (long) cursor.mergedRow() + settings.importSlice());
        OptOutMapper.Merged merged = list.mergeStaged(importId, cursor.mergedRow(), through, cursor.reason(),
                cursor.createdBy());
        imports.advance(importId, through, merged.added(), merged.staged() - merged.added());
        return true;
    }
}
