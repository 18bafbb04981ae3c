package org.smsengine.campaign;

import java.time.OffsetDateTime;

/**
 * A row of {@code sms_campaign}; {@code sendWindow} is the window as JSON, or null; {@code validFor} how long each
 * firing's batch may send (ISO-8601), or null.
 */
public record CampaignRow(long id, String name, String cron, String timezone, long audienceId, String template,
        String region, String senderId, Integer tps, boolean enabled, Overlap overlap, String sendWindow,
        String validFor, boolean transactional, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
