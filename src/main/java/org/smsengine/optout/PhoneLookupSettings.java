package org.smsengine.optout;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Lookups of a whole phone number by a user who sees phones masked ({@code sms.security.phone-lookups}):
 * at most {@code limit} per user in any {@code per}, cluster-wide. Each answers whether the number is
 * known, so enough of them would unmask any number; ADMIN sees numbers whole and is not limited.
 *
 * @param limit lookups of a whole number (opt-outs, inbound {@code ?phone=}) one user below ADMIN may make in any
 *              {@code per}, cluster-wide (429 beyond)
 * @param per   the time they are counted over
 */
@ConfigurationProperties("sms.security.phone-lookups")
@Validated
public record PhoneLookupSettings(
        @PositiveOrZero @DefaultValue("30") int limit,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("1m") Duration per) {
}
