package org.smsengine.batch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.smsengine.upload.SourceFormat;

/**
 * A row of {@code sms_batch}: the batch, its counts and where its pipeline is; its forecast (JSON, once
 * prepared), budget and what it cost so far.
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
        BatchCounts counts,
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
        long retryableFailures,
        Long campaignId,
        String sendWindow,
        OffsetDateTime waitingUntil,
        OffsetDateTime validUntil,
        boolean transactional,
        String countries,
        String tag,
        String forecast,
        BigDecimal budget,
        BigDecimal cost,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
