package org.smsengine.audience;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code sms_audience} and its chunks. Deleted audiences are kept (campaign history names them) but not shown. */
@Mapper
interface AudienceMapper {

    String COLUMNS = "id, name, region, phone_column, state, upload_bytes, row_count, valid, invalid, duplicates, error,"
            + " created_by, created_at, updated_at";

    @Select("INSERT INTO sms_audience (name, region, phone_column, state, created_by) "
            + "VALUES (#{name}, #{region}, #{phoneColumn}, 'VALIDATING', #{createdBy}) RETURNING id")
    long insert(@Param("name") String name, @Param("region") String region, @Param("phoneColumn") String phoneColumn,
            @Param("createdBy") String createdBy);

    @Select("SELECT " + COLUMNS + " FROM sms_audience WHERE id = #{id} AND deleted_at IS NULL")
    Optional<AudienceRow> find(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM sms_audience WHERE deleted_at IS NULL ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}")
    List<AudienceRow> list(@Param("offset") long offset, @Param("limit") int limit);

    @Select("SELECT count(*) FROM sms_audience WHERE deleted_at IS NULL")
    long count();

    @Update("UPDATE sms_audience SET upload_bytes = #{bytes} WHERE id = #{id}")
    void setUploadBytes(@Param("id") long id, @Param("bytes") long bytes);

    @Update("""
            UPDATE sms_audience SET state = #{state}, row_count = #{rows}, valid = #{valid}, invalid = #{invalid},
                duplicates = #{duplicates}, error = #{error}, updated_at = now()
            WHERE id = #{id}""")
    void finishValidation(@Param("id") long id, @Param("state") AudienceState state, @Param("rows") long rows,
            @Param("valid") long valid, @Param("invalid") long invalid, @Param("duplicates") long duplicates,
            @Param("error") String error);

    @Update("UPDATE sms_audience SET deleted_at = now() WHERE id = #{id} AND deleted_at IS NULL")
    int markDeleted(@Param("id") long id);

    @Delete("DELETE FROM sms_audience_chunk WHERE audience_id = #{id}")
    void deleteChunks(@Param("id") long id);

    @Insert("INSERT INTO sms_audience_chunk (audience_id, seq, data) VALUES (#{id}, #{seq}, #{data})")
    void insertChunk(@Param("id") long id, @Param("seq") int seq, @Param("data") byte[] data);

    /** A record, because MyBatis would read a {@code byte[]} result as a list of bytes. */
    @Select("SELECT data FROM sms_audience_chunk WHERE audience_id = #{id} AND seq = #{seq}")
    StoredChunk findChunk(@Param("id") long id, @Param("seq") int seq);

    /** Gives a new batch the audience's CSV, as its upload; returns its size in bytes. */
    @Select("""
            WITH copied AS (
                INSERT INTO sms_upload_chunk (batch_id, seq, data)
                SELECT #{batchId}, seq, data FROM sms_audience_chunk WHERE audience_id = #{id}
                RETURNING length(data) AS bytes)
            SELECT coalesce(sum(bytes), 0) FROM copied""")
    long copyToBatch(@Param("id") long id, @Param("batchId") long batchId);

    @Select("SELECT count(*) - count(DISTINCT phone) FROM sms_audience_phone WHERE audience_id = #{id}")
    long countDuplicates(@Param("id") long id);

    @Delete("DELETE FROM sms_audience_phone WHERE audience_id = #{id}")
    void forgetPhones(@Param("id") long id);

    record StoredChunk(byte[] data) {
    }
}
