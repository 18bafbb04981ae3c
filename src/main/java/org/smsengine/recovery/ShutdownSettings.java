package org.smsengine.recovery;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Graceful shutdown ({@code sms.shutdown}).
 *
 * @param timeout       how long a node told to stop (SIGTERM) may take to exit, everything included: its
 *                      jobs stopping, then the web server's graceful phase (at most
 *                      {@code spring.lifecycle.timeout-per-shutdown-phase}) and the rest of the shutdown
 *                      (about a second). Jobs that have not stopped by then are ended as recovery would end
 *                      them after a crash, and handed over all the same.
 * @param takeoverCheck how often every node looks for batches a stopping node handed over (also at start-up)
 */
@ConfigurationProperties("sms.shutdown")
@Validated
public record ShutdownSettings(
        @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration timeout,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration takeoverCheck) {
}
