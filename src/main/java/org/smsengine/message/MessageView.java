package org.smsengine.message;

import org.smsengine.recipient.PhoneMask;
import java.time.OffsetDateTime;

/** A message as {@code GET /api/v1/batches/{id}/messages} lists it; {@code row} is its CSV row. */
public record MessageView(long id, int row, String phone, MessageStatus status, String text, String encoding,
        int segments, int attempts, String providerMessageId, String error, OffsetDateTime sentAt,
        OffsetDateTime deliveredAt) {

    static MessageView of(MessageRow row, boolean fullPhone) {
        return new MessageView(row.id(), row.rowNo(), fullPhone ? row.phone() : PhoneMask.mask(row.phone()),
                row.status(), row.text(), row.encoding(), row.segments(), row.attempts(), row.providerMessageId(),
                row.lastError(), row.sentAt(), row.deliveredAt());
    }
}
