package org.smsengine.recovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
public record ShutdownSettings(
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("1s") Duration takeoverCheck) {
}
