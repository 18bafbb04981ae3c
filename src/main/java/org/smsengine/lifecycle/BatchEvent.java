package org.smsengine.lifecycle;

import java.time.OffsetDateTime;

/** An accepted lifecycle event of a batch, as the audit keeps it. */
public record BatchEvent(long id, long batchId, String event, String fromState, String toState, String actor,
        String reason, OffsetDateTime createdAt) {
}
