package org.smsengine.campaign;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.smsengine.batch.SendWindow;

/** A campaign as the API shows it, with its next fire times (none when disabled). */
public record CampaignView(long id, String name, String cron, String timezone, long audienceId, String template,
        String region, String senderId, Integer tps, boolean enabled, Overlap overlap, SendWindow sendWindow,
        String validFor, boolean transactional, List<Instant> nextFireTimes, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
