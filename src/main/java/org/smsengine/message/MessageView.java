package org.smsengine.message;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.smsengine.recipient.PhoneMask;

/**
 * A message as {@code GET /api/v1/batches/{id}/messages} lists it; {@code row} is its CSV row;
 * {@code country} its destination's, {@code provider} the one its last attempt went to.
 * {@code deliveredAt} is the carrier's done date from the receipt (SMPP receipts carry it to the
 * minute); {@code receiptAt} is when that receipt reached the engine. Times to the millisecond.
 */
public record MessageView(long id, int row, String phone, MessageStatus status, String text, String encoding,
        int segments, int attempts, String country, String provider, String providerMessageId, String error,
        OffsetDateTime sentAt, OffsetDateTime deliveredAt, OffsetDateTime receiptAt) {

    static MessageView of(MessageRow row, boolean fullPhone) {
        return new MessageView(row.id(), row.rowNo(), fullPhone ? row.phone() : PhoneMask.mask(row.phone()),
                row.status(), row.text(), row.encoding(), row.segments(), row.attempts(), row.country(), row.provider(),
                row.providerMessageId(),
                row.lastError(), millis(row.sentAt()), millis(row.deliveredAt()), millis(row.receiptAt()));
    }

    /** To the millisecond: PostgreSQL keeps microseconds, which no receipt or carrier is precise to. */
    public static OffsetDateTime millis(OffsetDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    }
}
