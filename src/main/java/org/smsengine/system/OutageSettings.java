package org.smsengine.system;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the engine waits out a service it stands on ({@code sms.outage}).
 *
 * @param patience   how long work waits for an unreachable service (PostgreSQL restarting or failing over, Redis, the
 *                   broker) before it gives up: a batch waiting past it is paused with the reason, for an operator
 * @param backoffMax the longest pause between two tries (they start at 100 ms and double)
 */
@ConfigurationProperties("sms.outage")
@Validated
public record OutageSettings(
        @NotNull @DurationMin @DefaultValue("10m") Duration patience,
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration backoffMax) {
}
