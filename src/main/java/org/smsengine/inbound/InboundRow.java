package org.smsengine.inbound;

import java.time.OffsetDateTime;

/** A row of {@code sms_inbound} as the listing reads it. */
record InboundRow(long id, String fromPhone, String toAddress, String text, Keyword keyword, String action,
        String provider, Long batchId, OffsetDateTime receivedAt, String replyText, String replyStatus,
        String replyMessageId, String replyError, OffsetDateTime repliedAt) {
}
