package org.smsengine.inbound;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.smsengine.recipient.PhoneMask;

/**
 * A message a handset sent, as {@code GET /api/v1/inbound} lists it; {@code from} is masked for
 * roles that may not see phones whole. {@code reply} is null when none was due.
 */
public record InboundView(long id, String from, String to, String text, Keyword keyword, String action, String provider,
        Long batchId, OffsetDateTime receivedAt, Reply reply) {

    /**
     * The reply to it: {@code status} SENT or FAILED, null while it waits (or when the node stopped
     * before it went out).
     */
    public record Reply(String text, String status, String messageId, String error, OffsetDateTime at) {
    }

    static InboundView of(InboundRow row, boolean fullPhone) {
        Reply reply = row.replyText() == null ? null
                : new Reply(row.replyText(), row.replyStatus(), row.replyMessageId(), row.replyError(), millis(row.repliedAt()));
        return new InboundView(row.id(), PhoneMask.shown(row.fromPhone(), fullPhone), row.toAddress(), row.text(),
                row.keyword(), row.action(), row.provider(), row.batchId(), millis(row.receivedAt()), reply);
    }

    private static OffsetDateTime millis(OffsetDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    }
}
