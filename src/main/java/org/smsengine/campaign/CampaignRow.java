package org.smsengine.campaign;

import java.time.OffsetDateTime;

/** A row of {@code sms_campaign}; {@code sendWindow} is the window as JSON, or null. */
public record CampaignRow(long id, String name, String cron, String timezone, long audienceId, String template,
        String region, String senderId, Integer tps, boolean enabled, Overlap overlap, String sendWindow,
        String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
