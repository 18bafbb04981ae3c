package org.smsengine.batch;

import java.time.OffsetDateTime;
import java.util.List;
import org.smsengine.upload.JsonRecipient;

/** The JSON form of {@code POST /api/v1/batches}, for API-driven batches. */
public record JsonBatchRequest(String name, String template, String region, String senderId, OffsetDateTime sendAt,
        Integer tps, List<JsonRecipient> recipients) {

    BatchParameters parameters() {
        return new BatchParameters(name, template, region, "phone", senderId, sendAt, tps);
    }
}
