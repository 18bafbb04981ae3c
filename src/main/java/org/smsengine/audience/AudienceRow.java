package org.smsengine.audience;

import java.time.OffsetDateTime;

/** A row of {@code sms_audience}. */
public record AudienceRow(long id, String name, String region, String phoneColumn, AudienceState state, long uploadBytes,
        long rowCount, long valid, long invalid, long duplicates, String error, String createdBy,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
