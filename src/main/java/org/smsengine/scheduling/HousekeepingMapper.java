package org.smsengine.scheduling;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.smsengine.batch.BatchRow;

/** The SQL of housekeeping; every change is bounded by {@code limit} rows. */
@Mapper
interface HousekeepingMapper {

    /** Batches with SENT messages sent before the cutoff (receipts overdue). */
    @Select("""
            SELECT DISTINCT batch_id FROM sms_message
            WHERE status = 'SENT' AND sent_at < now() - #{timeoutMillis} * interval '1 millisecond'""")
    List<Long> batchesWithOverdueReceipts(@Param("timeoutMillis") long timeoutMillis);

    @Update("""
            UPDATE sms_message SET status = #{status}, last_error = 'no delivery receipt within the receipt timeout'
            WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM sms_message
                WHERE batch_id = #{batchId} AND status = 'SENT' AND sent_at < now() - #{timeoutMillis} * interval '1 millisecond'
                LIMIT #{limit}))""")
    int expireOverdue(@Param("batchId") long batchId, @Param("timeoutMillis") long timeoutMillis,
            @Param("status") String status, @Param("limit") int limit);

    /** Finished batches not purged yet whose last change is older than the retention. */
    @Select("""
            SELECT id FROM sms_batch
            WHERE state IN ('COMPLETED', 'FAILED', 'ABORTED') AND purged_at IS NULL
              AND updated_at < now() - #{retentionMillis} * interval '1 millisecond'
            ORDER BY id""")
    List<Long> batchesPastRetention(@Param("retentionMillis") long retentionMillis);

    @Delete("""
            DELETE FROM ${table} WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${table} WHERE batch_id = #{batchId} LIMIT #{limit}))""")
    int purgeChunk(@Param("table") String table, @Param("batchId") long batchId, @Param("limit") int limit);

    /** Marks the batch purged, unless it was retried (and so changed) meanwhile. */
    @Update("""
            UPDATE sms_batch SET purged_at = now()
            WHERE id = #{batchId} AND state IN ('COMPLETED', 'FAILED', 'ABORTED')""")
    int markPurged(@Param("batchId") long batchId);

    @Insert("""
            INSERT INTO sms_housekeeping_run (task, node, started_at, affected)
            VALUES (#{task}, #{node}, #{startedAt}, #{affected})""")
    void recordRun(@Param("task") String task, @Param("node") String node,
            @Param("startedAt") java.time.OffsetDateTime startedAt, @Param("affected") long affected);
}
