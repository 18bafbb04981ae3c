package org.smsengine.campaign;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code sms_campaign} and {@code sms_campaign_firing}. */
@Mapper
interface CampaignMapper {

    String COLUMNS = "id, name, cron, timezone, audience_id, template, region, sender_id, tps, enabled, overlap,"
            + " send_window, valid_for, transactional, created_by, created_at, updated_at";

    @Select("""
            INSERT INTO sms_campaign (name, cron, timezone, audience_id, template, region, sender_id, tps, enabled,
                overlap, send_window, valid_for, transactional, created_by)
            VALUES (#{c.name}, #{c.cron}, #{c.timezone}, #{c.audienceId}, #{c.template}, #{c.region}, #{c.senderId},
                #{c.tps}, #{c.enabled}, #{c.overlap}, #{c.sendWindow}, #{c.validFor}, #{c.transactional}, #{c.createdBy})
            RETURNING id""")
    long insert(@Param("c") CampaignRow campaign);

    @Update("""
            UPDATE sms_campaign SET name = #{c.name}, cron = #{c.cron}, timezone = #{c.timezone},
                audience_id = #{c.audienceId}, template = #{c.template}, region = #{c.region}, sender_id = #{c.senderId},
                tps = #{c.tps}, enabled = #{c.enabled}, overlap = #{c.overlap}, send_window = #{c.sendWindow},
                valid_for = #{c.validFor}, transactional = #{c.transactional}, updated_at = now()
            WHERE id = #{c.id} AND deleted_at IS NULL""")
    int update(@Param("c") CampaignRow campaign);

    @Update("UPDATE sms_campaign SET enabled = #{enabled}, updated_at = now() WHERE id = #{id} AND deleted_at IS NULL")
    int setEnabled(@Param("id") long id, @Param("enabled") boolean enabled);

    @Update("UPDATE sms_campaign SET enabled = false, deleted_at = now() WHERE id = #{id} AND deleted_at IS NULL")
    int markDeleted(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM sms_campaign WHERE id = #{id} AND deleted_at IS NULL")
    Optional<CampaignRow> find(@Param("id") long id);

    /** The campaign row locked: firings of one campaign are decided one at a time, cluster-wide. */
    @Select("SELECT " + COLUMNS + " FROM sms_campaign WHERE id = #{id} AND deleted_at IS NULL FOR UPDATE")
    Optional<CampaignRow> lock(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM sms_campaign WHERE deleted_at IS NULL ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}")
    List<CampaignRow> list(@Param("offset") long offset, @Param("limit") int limit);

    @Select("SELECT count(*) FROM sms_campaign WHERE deleted_at IS NULL")
    long count();

    @Select("SELECT " + COLUMNS + " FROM sms_campaign WHERE deleted_at IS NULL AND enabled")
    List<CampaignRow> enabled();

    @Select("SELECT name FROM sms_campaign WHERE audience_id = #{audienceId} AND enabled AND deleted_at IS NULL ORDER BY id")
    List<String> enabledNamesUsing(@Param("audienceId") long audienceId);

    /** The campaign's newest batch that has not finished, if any. */
    @Select("""
            SELECT id FROM sms_batch
            WHERE campaign_id = #{id} AND state NOT IN ('COMPLETED', 'FAILED', 'ABORTED')
            ORDER BY id DESC LIMIT 1""")
    Optional<Long> runningBatch(@Param("id") long id);

    /** Whether one of the campaign's batches is sending (or about to, or paused in the middle of it). */
    @Select("""
            SELECT EXISTS (SELECT 1 FROM sms_batch
                WHERE campaign_id = #{id} AND state IN ('SCHEDULED', 'DELIVERING', 'DELIVERY_PAUSED'))""")
    boolean sending(@Param("id") long id);

    /** The campaign's oldest queued batch still waiting (READY, from a QUEUED firing). */
    @Select("""
            SELECT f.batch_id FROM sms_campaign_firing f JOIN sms_batch b ON b.id = f.batch_id
            WHERE f.campaign_id = #{id} AND f.decision = 'QUEUED' AND b.state = 'READY'
            ORDER BY f.id LIMIT 1""")
    Optional<Long> nextQueued(@Param("id") long id);

    @Select("SELECT id FROM sms_batch WHERE campaign_id = #{id} ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}")
    List<Long> batchIds(@Param("id") long id, @Param("offset") long offset, @Param("limit") int limit);

    @Select("SELECT count(*) FROM sms_batch WHERE campaign_id = #{id}")
    long countBatches(@Param("id") long id);

    @Insert("""
            INSERT INTO sms_campaign_firing (campaign_id, scheduled_for, trigger, actor, decision, batch_id, reason)
            VALUES (#{campaignId}, #{scheduledFor}, #{trigger}, #{actor}, #{decision}, #{batchId}, #{reason})""")
    void recordFiring(@Param("campaignId") long campaignId, @Param("scheduledFor") OffsetDateTime scheduledFor,
            @Param("trigger") String trigger, @Param("actor") String actor, @Param("decision") String decision,
            @Param("batchId") Long batchId, @Param("reason") String reason);

    @Select("""
            SELECT id, campaign_id, scheduled_for, fired_at, trigger, actor, decision, batch_id, reason
            FROM sms_campaign_firing WHERE campaign_id = #{id} ORDER BY id DESC LIMIT #{limit}""")
    List<CampaignFiring> firings(@Param("id") long id, @Param("limit") int limit);

    /**
     * The cron firing already recorded for this time, if any: a firing tried again (its database failed over
     * while it committed) decides nothing twice. The newest firings first, from the campaign's index.
     */
    @Select("""
            SELECT id, campaign_id, scheduled_for, fired_at, trigger, actor, decision, batch_id, reason
            FROM sms_campaign_firing WHERE campaign_id = #{id} AND trigger = 'CRON' AND scheduled_for = #{scheduledFor}
            ORDER BY id DESC LIMIT 1""")
    Optional<CampaignFiring> cronFiring(@Param("id") long id, @Param("scheduledFor") OffsetDateTime scheduledFor);
}
