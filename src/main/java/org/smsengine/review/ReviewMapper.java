package org.smsengine.review;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Whether a batch is reviewed before launch ({@code sms_batch.review_required}). */
@Mapper
interface ReviewMapper {

    @Update("UPDATE sms_batch SET review_required = true WHERE id = #{batchId}")
    void requireReview(@Param("batchId") long batchId);

    @Select("SELECT review_required FROM sms_batch WHERE id = #{batchId}")
    boolean reviewRequired(@Param("batchId") long batchId);
}
