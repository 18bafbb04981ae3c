package org.smsengine.lifecycle;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code sms_batch_event}: the audit of lifecycle events. */
@Mapper
interface BatchEventMapper {

    @Insert("""
            INSERT INTO sms_batch_event (batch_id, event, from_state, to_state, actor, reason)
            VALUES (#{batchId}, #{event}, #{from}, #{to}, #{actor}, #{reason})""")
    void insert(@Param("batchId") long batchId, @Param("event") String event, @Param("from") String from,
            @Param("to") String to, @Param("actor") String actor, @Param("reason") String reason);

    @Select("""
            SELECT id, batch_id, event, from_state, to_state, actor, reason, created_at
            FROM sms_batch_event WHERE batch_id = #{batchId} ORDER BY id""")
    List<BatchEvent> list(@Param("batchId") long batchId);

    /** The event that brought the batch to its current state. */
    @Select("""
            SELECT id, batch_id, event, from_state, to_state, actor, reason, created_at
            FROM sms_batch_event WHERE batch_id = #{batchId} ORDER BY id DESC LIMIT 1""")
    BatchEvent last(@Param("batchId") long batchId);
}
