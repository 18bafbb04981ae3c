package org.smsengine.batch;

import org.smsengine.upload.SourceFormat;
import java.time.OffsetDateTime;

/** A batch about to be inserted, its parameters checked. */
record NewBatch(String name, String template, SourceFormat sourceFormat, String phoneColumn, String region,
        String senderId, OffsetDateTime sendAt, Integer tps, String createdBy) {
}
