package org.smsengine.inbound;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code sms_inbound}: the messages handsets sent, what was done, the replies; statements in InboundMapper.xml. */
@Mapper
interface InboundMapper {

    /**
     * Stores a message and returns its id; {@code received_at} is the database's clock at the insert.
     * When {@code linkable}, the batch is the one that last sent to the number from the address it
     * wrote to, or else the newest that sent to it from any.
     */
    long insert(@Param("message") NewInbound message, @Param("linkable") boolean linkable);

    /** A START lifted the number's opt-out: says so, with the confirmation to send if any. */
    void optedIn(@Param("id") long id, @Param("replyText") String replyText);

    /** Whether the number got a reply to this keyword in the last {@code seconds} (among its newest messages). */
    boolean repliedLately(@Param("phone") String phone, @Param("keyword") Keyword keyword, @Param("seconds") long seconds);

    boolean optedOut(@Param("phone") String phone);

    void recordReply(@Param("id") long id, @Param("status") String status, @Param("messageId") String messageId,
            @Param("error") String error);

    /** Newest first; each filter may be null. */
    List<InboundRow> page(@Param("phone") String phone, @Param("keyword") Keyword keyword, @Param("batchId") Long batchId,
            @Param("offset") long offset, @Param("limit") int limit);

    long count(@Param("phone") String phone, @Param("keyword") Keyword keyword, @Param("batchId") Long batchId);

    /** Newest first, the next {@code limit} with an id below {@code before} (null: from the newest). */
    List<InboundRow> window(@Param("phone") String phone, @Param("keyword") Keyword keyword, @Param("batchId") Long batchId,
            @Param("before") Long before, @Param("limit") int limit);

    /** A message to store, already made storable ({@link ReceivedText}). */
    record NewInbound(String from, String to, String text, Keyword keyword, String action, String provider,
            String replyText) {
    }
}
