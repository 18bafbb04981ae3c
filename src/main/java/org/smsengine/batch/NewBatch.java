package org.smsengine.batch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.smsengine.upload.SourceFormat;

/** A batch about to be inserted, its parameters checked. */
record NewBatch(String name, String template, SourceFormat sourceFormat, String phoneColumn, String region,
        String senderId, OffsetDateTime sendAt, Integer tps, OffsetDateTime validUntil, boolean transactional,
        String countries, BigDecimal budget, String tag, String createdBy) {
}
