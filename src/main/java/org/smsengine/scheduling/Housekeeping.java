package org.smsengine.scheduling;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchRow;
import org.smsengine.delivery.screening.ScreeningSettings;
import org.smsengine.delivery.BatchRecount;
import org.smsengine.delivery.ReceiptQuarantine;
import org.smsengine.idempotency.IdempotencyKeys;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.system.NodeIdentity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cluster-wide housekeeping, each task on one node at a time (ShedLock; {@code lockAtLeastFor}
 * keeps nodes whose clocks differ a little from running a task twice for one firing). Each run is
 * recorded in {@code sms_housekeeping_run}. Work on a batch's rows goes a window of {@code chunk} keys at a
 * time (see HousekeepingMapper). Jobs lost with their node, and the messages they left
 * SENDING, are {@code recovery.LostJobRecovery}'s (also ShedLock-guarded).
 */
@Component
public class Housekeeping {

    static final String RECONCILE = "redis-reconcile";
    static final String OVERDUE = "overdue-receipts";
    static final String RETENTION = "retention-purge";
    static final String VALIDITY = "validity-passed";
    static final String IDEMPOTENCY = "idempotency-purge";
    /** The tables purged per batch, children first. */
    static final List<String> PURGED = List.of("sms_receipt_ref", "sms_retry", "sms_message", "sms_reject",
            "sms_recipient", "sms_partition", "sms_upload_chunk");
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final HousekeepingMapper housekeeping;
    private final BatchMapper batches;
    private final BatchRecount recount;
    private final ProgressPublisher progress;
    private final HousekeepingSettings settings;
    private final NodeIdentity node;
    private final Clock clock;
    private final BatchLifecycle lifecycle;
    private final ScreeningSettings screening;
    private final ReceiptQuarantine quarantine;
    private final IdempotencyKeys idempotencyKeys;

    Housekeeping(HousekeepingMapper housekeeping, BatchMapper batches, BatchRecount recount, ProgressPublisher progress,
            HousekeepingSettings settings, NodeIdentity node, Clock clock, BatchLifecycle lifecycle,
            ScreeningSettings screening, ReceiptQuarantine quarantine, IdempotencyKeys idempotencyKeys) {
        this.quarantine = quarantine;
        this.lifecycle = lifecycle;
        this.screening = screening;
        this.idempotencyKeys = idempotencyKeys;
        this.housekeeping = housekeeping;
        this.batches = batches;
        this.recount = recount;
        this.progress = progress;
        this.settings = settings;
        this.node = node;
        this.clock = clock;
    }

    /** Rewrites the Redis view of every active batch from PostgreSQL (after a Redis outage, a flush lost, ...). */
    @Scheduled(cron = "#{@housekeepingSettings.redisReconcileSchedule}")
    @SchedulerLock(name = RECONCILE, lockAtLeastFor = "5s", lockAtMostFor = "10m")
    public void reconcileRedis() {
        run(RECONCILE, () -> {
            List<BatchRow> active = batches.listActive();
            active.forEach(progress::publish);
            return active.size();
        });
    }

    /** SENT messages whose receipt is overdue become EXPIRED (or UNKNOWN); their batches are recounted. */
    @Scheduled(cron = "#{@housekeepingSettings.overdueReceiptsSchedule}")
    @SchedulerLock(name = OVERDUE, lockAtLeastFor = "5s", lockAtMostFor = "30m")
    public void expireOverdueReceipts() {
        run(OVERDUE, () -> {
            long timeout = settings.receiptTimeout().toMillis();
            long changed = 0;
            for (long batchId : housekeeping.batchesWithOverdueReceipts(timeout)) {
                long inBatch = inWindows("sms_message", batchId,
                        window -> housekeeping.expireWindow(batchId, window, timeout, settings.overdueStatus().name()));
                if (inBatch > 0) {
                    recount.recount(batchId);
                }
                changed += inBatch;
            }
            return changed;
        });
    }

    /**
     * Deletes the messages, rejects, recipients and upload of batches finished longer ago than the
     * retention, a window at a time; the batch row, its counts and its audit stay. Then the numbers'
     * last contacts older than the retention, and send times no frequency cap looks back to.
     */
    @Scheduled(cron = "#{@housekeepingSettings.retentionSchedule}")
    @SchedulerLock(name = RETENTION, lockAtLeastFor = "5s", lockAtMostFor = "2h")
    public void purgeExpired() {
        run(RETENTION, () -> {
            long deleted = 0;
            for (long batchId : housekeeping.batchesPastRetention(settings.retention().toMillis())) {
                for (String table : PURGED) {
                    deleted += inWindows(table, batchId, window -> housekeeping.purgeWindow(table, batchId, window));
                }
                housekeeping.markPurged(batchId);
            }
            // who a number last heard from, kept as long as batches are; send times, as long as the longest cap needs them
            deleted += inPhoneWindows("sms_contact", settings.retention().toMillis());
            deleted += inPhoneWindows("sms_frequency", screening.frequencyCaps().stream()
                    .mapToLong(cap -> cap.per().toMillis()).max().orElse(0));
            // receipts set aside, as long as the batches they came for
            deleted += quarantine.purge(OffsetDateTime.now(clock).minus(settings.retention()), settings.chunk());
            return deleted;
        });
    }

    /**
     * Paused batches whose validity has passed continue, to end at once: their delivery submits nothing,
     * suppresses what is left ({@code validity_passed}) and completes them.
     */
    @Scheduled(cron = "#{@housekeepingSettings.validitySchedule}")
    @SchedulerLock(name = VALIDITY, lockAtLeastFor = "5s", lockAtMostFor = "10m")
    public void endPausedPastValidity() {
        List<Long> due = housekeeping.pausedPastValidity();
        if (due.isEmpty()) {
            return;
        }
        run(VALIDITY, () -> due.stream()
                .filter(batchId -> lifecycle.notify(batchId, "validity_passed",
                        "its validity passed while it was paused: what is left is not sent", null).isPresent())
                .count());
    }

    /** Idempotency keys past {@code sms.idempotency.keep}, and the answers kept with them, {@code chunk} at a time. */
    @Scheduled(cron = "#{@housekeepingSettings.idempotencySchedule}")
    @SchedulerLock(name = IDEMPOTENCY, lockAtLeastFor = "5s", lockAtMostFor = "30m")
    public void purgeIdempotencyKeys() {
        run(IDEMPOTENCY, () -> idempotencyKeys.purgeExpired(settings.chunk()));
    }

    /** Deletes the rows of {@code table} older than {@code olderThanMillis}, a window of phones at a time. */
    private long inPhoneWindows(String table, long olderThanMillis) {
        long deleted = 0;
        String after = "";
        while (true) {
            String through = housekeeping.phoneWindowEnd(table, after, settings.chunk());
            deleted += housekeeping.purgePhoneWindow(table, after, through, olderThanMillis);
            if (through == null) {
                return deleted;
            }
            after = through;
        }
    }

    /** Runs {@code work} over the batch's keys in {@code table}, {@code chunk} keys at a time; returns the rows it changed. */
    private long inWindows(String table, long batchId, ToIntFunction<HousekeepingMapper.Window> work) {
        long changed = 0;
        for (HousekeepingMapper.KeyRange range : housekeeping.keyRanges(table, batchId)) {
            for (long after = range.first() - 1; after < range.last(); after += settings.chunk()) {
                changed += work.applyAsInt(new HousekeepingMapper.Window(range.partitionNo(), after,
                        Math.min(range.last(), after + settings.chunk())));
            }
        }
        return changed;
    }

    private void run(String task, LongSupplier work) {
        OffsetDateTime started = OffsetDateTime.now(clock);
        long affected = work.getAsLong();
        housekeeping.recordRun(task, node.id(), started, affected);
        if (affected > 0) {
            log.info("Housekeeping {}: {} rows", task, affected);
        }
    }
}
