package org.smsengine.consent;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The opt-out list and its audit trail. Every statement that changes the list writes its events in
 * the same statement (a data-modifying CTE): an entry is never added or removed without its record.
 */
@Mapper
interface OptOutMapper {

    /** Adds the number unless it is there; returns it when it was added (an event "added" is written with it). */
    @Select("""
            WITH added AS (
                INSERT INTO sms_opt_out (phone, source, reason, inbound_id, created_by)
                VALUES (#{phone}, #{source}, #{reason}, #{inboundId}, #{actor})
                ON CONFLICT (phone) DO NOTHING
                RETURNING phone)
            INSERT INTO sms_opt_out_event (phone, action, source, reason, inbound_id, actor)
            SELECT phone, 'added', #{source}, #{reason}, #{inboundId}, #{actor} FROM added
            RETURNING phone""")
    List<String> addOne(@Param("phone") String phone, @Param("source") String source, @Param("reason") String reason,
            @Param("inboundId") Long inboundId, @Param("actor") String actor);

    /**
     * Removes the number's entry if its source is one of {@code sources}; returns it when removed (an
     * event "removed" is written with it, keeping the entry's source).
     */
    @Select("""
            WITH removed AS (
                DELETE FROM sms_opt_out WHERE phone = #{phone}
                  AND source = ANY (#{sources,typeHandler=org.apache.ibatis.type.ArrayTypeHandler}::text[])
                RETURNING phone, source)
            INSERT INTO sms_opt_out_event (phone, action, source, reason, inbound_id, actor)
            SELECT phone, 'removed', source, #{reason}, #{inboundId}, #{actor} FROM removed
            RETURNING phone""")
    List<String> removeOne(@Param("phone") String phone, @Param("sources") String[] sources,
            @Param("reason") String reason, @Param("inboundId") Long inboundId, @Param("actor") String actor);
}
