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

    /**
     * How the batch's messages stand: a count per status and error (a receipt's error code, a
     * submission's refusal, a suppression's reason), the largest first. It reads every message of
     * the batch: the console loads it apart from the page, never in its way.
     */
    List<Outcome> outcomes(@Param("batchId") long batchId, @Param("limit") int limit);

    /** A status and error, and how many messages of the batch have them. */
    record Outcome(MessageStatus status, String error, long messages) {
    }

    /** Messages after ({@code afterPartition}, {@code afterId}) in key order, which is CSV order (keyset paging). */
    List<MessageRow> pageAfter(@Param("batchId") long batchId, @Param("afterPartition") int afterPartition,
            @Param("afterId") long afterId, @Param("limit") int limit);
}
