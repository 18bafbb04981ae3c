package org.smsengine.message;

import java.time.OffsetDateTime;

/** A row of {@code sms_message} as the API lists it. */
public record MessageRow(long id, int partitionNo, int rowNo, String phone, MessageStatus status, String text, String encoding,
        int segments, int attempts, String country, String provider, String providerMessageId, String lastError, OffsetDateTime sentAt,
        OffsetDateTime deliveredAt, OffsetDateTime receiptAt) {
}
