package org.smsengine.message;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Reads of {@code sms_message} for the API. */
@Mapper
public interface MessageMapper {

    List<MessageRow> page(@Param("batchId") long batchId, @Param("status") MessageStatus status,
            @Param("offset") long offset, @Param("limit") int limit);

    long count(@Param("batchId") long batchId, @Param("status") MessageStatus status);

    /** Messages after ({@code afterPartition}, {@code afterId}) in key order, which is CSV order (keyset paging). */
    List<MessageRow> pageAfter(@Param("batchId") long batchId, @Param("afterPartition") int afterPartition,
            @Param("afterId") long afterId, @Param("limit") int limit);
}
