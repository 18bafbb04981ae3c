package org.smsengine.upload;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code sms_upload_chunk}: the stored upload, piece by piece. */
@Mapper
interface UploadChunkMapper {

    @Insert("INSERT INTO sms_upload_chunk (batch_id, seq, data) VALUES (#{batchId}, #{seq}, #{data})")
    void insert(@Param("batchId") long batchId, @Param("seq") int seq, @Param("data") byte[] data);

    /** A record, because MyBatis would read a {@code byte[]} result as a list of bytes. */
    @Select("SELECT data FROM sms_upload_chunk WHERE batch_id = #{batchId} AND seq = #{seq}")
    StoredChunk find(@Param("batchId") long batchId, @Param("seq") int seq);

    record StoredChunk(byte[] data) {
    }
}
