package org.smsengine.routing;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** A prepared batch's messages counted by country (and by the leading digits the route rules look at). */
@Mapper
interface ForecastMapper {

    @Select("SELECT country, substring(phone, 1, #{prefixLength}) AS prefix, count(*) AS messages, sum(segments) AS segments"
            + " FROM sms_message WHERE batch_id = #{batchId} AND status = 'PREPARED' GROUP BY 1, 2")
    List<Group> count(@Param("batchId") long batchId, @Param("prefixLength") int prefixLength);

    /** Messages to one country (and prefix) and their segments. */
    record Group(String country, String prefix, long messages, long segments) {
    }
}
