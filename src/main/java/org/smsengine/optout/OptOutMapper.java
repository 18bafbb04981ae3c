package org.smsengine.optout;

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

    /**
     * Adds every number not on the list yet (one statement, in phone order so that concurrent additions
     * never wait on each other in a circle), each with its event "added"; returns how many were added.
     */
    int addAll(@Param("phones") String[] phones, @Param("source") String source, @Param("reason") String reason,
            @Param("actor") String actor);

    /**
     * Moves one window of an import's staged rows onto the list: the window's staging rows are deleted
     * and their numbers added unless already there, in one statement. The entries carry the import's id;
     * no event per entry (the import's one event names it).
     */
    Merged mergeStaged(@Param("importId") long importId, @Param("after") int after, @Param("through") int through,
            @Param("reason") String reason, @Param("actor") String actor);

    /** Marks a RUNNING import DONE and writes its one event "imported"; returns its id, or null when it was not RUNNING. */
    Long finishImport(@Param("importId") long importId);

    /** What a window of an import did: rows it held ({@code staged}) and numbers new to the list ({@code added}). */
    record Merged(long staged, long added) {
    }
}
