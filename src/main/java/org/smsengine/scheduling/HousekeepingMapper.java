package org.smsengine.scheduling;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The SQL of housekeeping (HousekeepingMapper.xml). Work on a batch's rows goes window by window along
 * a table's key: {@link #keyRanges} finds where the batch's keys lie (one pass), then each statement
 * takes the rows of one window of keys ({@code after < key <= through}), a range of the key that is
 * its index condition whatever the statistics. Every row is read once, however many windows there
 * are, and no statement holds long locks.
 */
@Mapper
interface HousekeepingMapper {

    /** Batches with messages that may still be waiting for a receipt sent before the timeout. */
    List<Long> batchesWithOverdueReceipts(@Param("timeoutMillis") long timeoutMillis);

    /**
     * Where the batch's keys lie in {@code table} (one of {@link Housekeeping#PURGED}): per partition
     * for tables keyed by partition, otherwise one range with partition -1.
     */
    List<KeyRange> keyRanges(@Param("table") String table, @Param("batchId") long batchId);

    /** The SENT messages of one window of a partition's ids sent before the timeout take {@code status}. */
    int expireWindow(@Param("batchId") long batchId, @Param("window") Window window,
            @Param("timeoutMillis") long timeoutMillis, @Param("status") String status);

    /** Batches paused in delivery whose validUntil has passed. */
    @Select("SELECT id FROM sms_batch WHERE state = 'DELIVERY_PAUSED' AND valid_until <= now() ORDER BY id")
    List<Long> pausedPastValidity();

    /** Finished batches not purged yet whose last change is older than the retention. */
    List<Long> batchesPastRetention(@Param("retentionMillis") long retentionMillis);

    /** Deletes the batch's rows of {@code table} in one window of its keys. */
    int purgeWindow(@Param("table") String table, @Param("batchId") long batchId, @Param("window") Window window);

    /** The last phone of the next window of {@code chunk} rows of {@code table} after {@code after}; null: fewer are left. */
    String phoneWindowEnd(@Param("table") String table, @Param("after") String after, @Param("chunk") int chunk);

    /** Deletes the rows of a window of phones (through null: to the end) older than {@code olderThanMillis}. */
    int purgePhoneWindow(@Param("table") String table, @Param("after") String after, @Param("through") String through,
            @Param("olderThanMillis") long olderThanMillis);

    /** Marks the batch purged, unless it was retried (and so changed) meanwhile. */
    int markPurged(@Param("batchId") long batchId);

    void recordRun(@Param("task") String task, @Param("node") String node, @Param("startedAt") OffsetDateTime startedAt,
            @Param("affected") long affected);

    /** The first and last key of a batch's rows (in one partition, or -1 for a table without). */
    record KeyRange(int partitionNo, long first, long last) {
    }

    /** Keys {@code after < key <= through} (in one partition, or -1). */
    record Window(int partitionNo, long after, long through) {
    }
}
