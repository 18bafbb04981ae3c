package org.smsengine.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Review before launch ({@code sms.review}).
 *
 * @param required        whether a prepared batch waits for an approver (AWAITING_APPROVAL) before it may start;
 *                        read when preparation ends, so a change applies to batches prepared after it
 * @param maxTestSends    the most test-sends (calls) a batch may have
 * @param maxSeeds        the most distinct seed numbers a batch's test-sends may name, over all its calls
 * @param testSendTimeout how long a test-send waits for the rate limit's tokens, and for the provider's answer, for
 *                        each message
 */
@ConfigurationProperties("sms.review")
@Validated
record ReviewSettings(
        @DefaultValue("false") boolean required,
        @PositiveOrZero @DefaultValue("3") int maxTestSends,
        @PositiveOrZero @DefaultValue("5") int maxSeeds,
        @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration testSendTimeout) {
}
