package org.smsengine.recipient;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface RejectMapper {

    /** Rejects after {@code afterRow}, in row order (keyset paging). */
    @Select("SELECT row_no, phone, reason, raw FROM sms_reject WHERE batch_id = #{batchId} AND row_no > #{afterRow}"
            + " ORDER BY row_no LIMIT #{limit}")
    List<StoredReject> page(@Param("batchId") long batchId, @Param("afterRow") int afterRow, @Param("limit") int limit);

    record StoredReject(int rowNo, String phone, String reason, String raw) {
    }
}
