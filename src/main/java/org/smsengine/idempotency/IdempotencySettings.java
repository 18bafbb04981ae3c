package org.smsengine.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idempotency keys ({@code sms.idempotency}); housekeeping purges expired ones on
 * {@code sms.housekeeping.idempotency-schedule}.
 *
 * @param keep how long a key and the answer to its request are kept, from the request's start; after
 *             that the key is free again
 */
@ConfigurationProperties("sms.idempotency")
public record IdempotencySettings(@DefaultValue("24h") Duration keep) {
}
