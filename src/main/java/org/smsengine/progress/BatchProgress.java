package org.smsengine.progress;

import java.time.OffsetDateTime;
import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchState;

/** {@code GET /api/v1/batches/{id}/progress} (API.md), with the batch's counts alongside. */
public record BatchProgress(
        long batchId,
        BatchState state,
        String step,
        Long total,
        long processed,
        long sent,
        long delivered,
        long failed,
        double percent,
        double ratePerSecond,
        Long etaSeconds,
        OffsetDateTime updatedAt,
        String source,
        BatchCounts counts,
        OffsetDateTime waitingUntil) {
}
