package org.smsengine.progress;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchState;
import org.smsengine.system.Outages;

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
        OffsetDateTime waitingUntil,
        Outages.Waiting waitingFor) {

    /**
     * The same progress, with what the batch waits for: a service this node cannot reach while the batch is
     * in a working state (its work waits for it, API.md "Outages"); null otherwise.
     */
    BatchProgress waitingFor(Optional<Outages.Waiting> waiting) {
        Outages.Waiting shown = state.isWorking() ? waiting.orElse(null) : null;
        return new BatchProgress(batchId, state, step, total, processed, sent, delivered, failed, percent, ratePerSecond,
                etaSeconds, updatedAt, source, counts, waitingUntil, shown);
    }
}
