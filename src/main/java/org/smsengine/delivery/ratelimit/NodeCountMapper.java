package org.smsengine.delivery.ratelimit;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The nodes alive now, by their heartbeats (recovery writes them): their number shares a limit without Redis. */
@Mapper
interface NodeCountMapper {

    @Select("SELECT count(*) FROM sms_node WHERE heartbeat_at > now() - #{windowMillis} * interval '1 millisecond'")
    int liveNodes(@Param("windowMillis") long windowMillis);
}
