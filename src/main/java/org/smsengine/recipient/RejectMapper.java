package org.smsengine.recipient;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface RejectMapper {

    /**
     * Rejects with {@code afterRow < row_no <= throughRow}, in row order: a window of rows, whose range
     * of the key is its index condition whatever the statistics ("the next n rejects", ORDER BY ...
     * LIMIT, was planned on a table never analyzed as a sort of every reject left, on every page).
     */
    @Select("SELECT row_no, phone, reason, raw FROM sms_reject WHERE batch_id = #{batchId} AND row_no > #{afterRow}"
            + " AND row_no <= #{throughRow} ORDER BY row_no")
    List<StoredReject> window(@Param("batchId") long batchId, @Param("afterRow") int afterRow,
            @Param("throughRow") int throughRow);

    /** The batch's last rejected row, or null when it has none. */
    @Select("SELECT max(row_no) FROM sms_reject WHERE batch_id = #{batchId}")
    Integer lastRow(@Param("batchId") long batchId);

    record StoredReject(int rowNo, String phone, String reason, String raw) {
    }
}
