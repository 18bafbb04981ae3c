package org.smsengine.batch;

import org.smsengine.upload.SourceFormat;
import java.time.OffsetDateTime;

/**
 * A row of {@code sms_batch}: the batch, its counters and where its pipeline is. {@code sendFailed}
 * counts messages that failed at submission, {@code undelivered} those a receipt reported failed.
 */
public record BatchRow(
        long id,
        String name,
        BatchState state,
        long version,
        String template,
        SourceFormat sourceFormat,
        String phoneColumn,
        String region,
        String senderId,
        OffsetDateTime sendAt,
        Integer tps,
        long uploadBytes,
        long validatedBytes,
        long rowCount,
        long valid,
        long invalid,
        long duplicates,
        long optedOut,
        long prepared,
        long sent,
        long delivered,
        long sendFailed,
        long undelivered,
        long cancelled,
        long segments,
        long progressSeq,
        String provider,
        String currentStep,
        OffsetDateTime stepStartedAt,
        String error,
        String stateReason,
        int jobRound,
        Long jobExecutionId,
        String jobNode,
        long inDoubt,
        long retryableFailures,
        Long campaignId,
        String sendWindow,
        OffsetDateTime waitingUntil,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** Messages that failed, at submission or by receipt. */
    public long failed() {
        return sendFailed + undelivered;
    }
}
