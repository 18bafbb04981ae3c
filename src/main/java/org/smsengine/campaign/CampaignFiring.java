package org.smsengine.campaign;

import java.time.OffsetDateTime;

/** A firing of a campaign and what was decided: CREATED (a batch), QUEUED (a batch that waits) or SKIPPED. */
public record CampaignFiring(long id, long campaignId, OffsetDateTime scheduledFor, OffsetDateTime firedAt,
        String trigger, String actor, String decision, Long batchId, String reason) {
}
