package org.smsengine.review;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Review before launch ({@code sms.review}).
 *
 * @param required        whether a prepared batch waits for an approver (AWAITING_APPROVAL) before it may start;
 *                        read when preparation ends, so a change applies to batches prepared after it
 * @param maxSeeds        the most seed numbers one test-send may name
 * @param testSendTimeout how long a test-send waits for the provider's answer to each message
 */
@ConfigurationProperties("sms.review")
record ReviewSettings(
        @DefaultValue("false") boolean required,
        @DefaultValue("5") int maxSeeds,
        @DefaultValue("30s") Duration testSendTimeout) {
}
