package org.smsengine.campaign;

import org.smsengine.batch.SendWindow;

/** A campaign as the API takes it (create and replace). */
public record CampaignRequest(String name, String cron, String timezone, Long audienceId, String template, String region,
        String senderId, Integer tps, Boolean enabled, String overlap, SendWindow.Request sendWindow, String validFor,
        Boolean transactional) {
}
