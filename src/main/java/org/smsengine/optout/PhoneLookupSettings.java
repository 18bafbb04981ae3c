package org.smsengine.optout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lookups of a whole phone number by a user who sees phones masked ({@code sms.security.phone-lookups}):
 * at most {@code limit} per user in any {@code per}, cluster-wide. Each answers whether the number is
 * known, so enough of them would unmask any number; ADMIN sees numbers whole and is not limited.
 */
@ConfigurationProperties("sms.security.phone-lookups")
public record PhoneLookupSettings(@DefaultValue("30") int limit, @DefaultValue("1m") Duration per) {
}
