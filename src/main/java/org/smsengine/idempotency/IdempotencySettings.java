package org.smsengine.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Idempotency keys ({@code sms.idempotency}); housekeeping purges expired ones on
 * {@code sms.housekeeping.idempotency-schedule}.
 *
 * @param keep how long a key and the answer to its request are kept, from the request's start; after
 *             that the key is free again
 */
@ConfigurationProperties("sms.idempotency")
@Validated
public record IdempotencySettings(@NotNull @DurationMin(seconds = 1) @DefaultValue("24h") Duration keep) {
}
