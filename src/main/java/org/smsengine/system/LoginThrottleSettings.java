package org.smsengine.system;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling ({@code sms.security.login-throttle}), the same for the console's form and HTTP
 * Basic: a user name (known or not, from any address) with {@code userFailures} failed logins within
 * {@code window}, or an address with {@code ipFailures}, is refused for {@code lockout} (429).
 *
 * @param userFailures  failed logins of one user name (known or not, from any address) within {@code window} that
 *                      lock it out
 * @param ipFailures    failed logins from one address within {@code window} that lock it out
 * @param window        the time failures are counted over
 * @param lockout       how long a locked-out user name or address is refused (429), the right password included
 * @param rememberFor   a successful password check of a user name and password is trusted this long on
 *                      the node that made it (never the password itself: an HMAC of it), so a program
 *                      calling with HTTP Basic pays bcrypt once in this time, not on every request
 * @param maxRemembered at most this many checks are remembered at once (older ones are dropped)
 * @param refresh       how often each node reads the lock-outs that run (a remembered client is refused by them)
 */
@ConfigurationProperties("sms.security.login-throttle")
@Validated
public record LoginThrottleSettings(
        @Min(1) @DefaultValue("5") int userFailures,
        @Min(1) @DefaultValue("50") int ipFailures,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration window,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration lockout,
        @NotNull @DurationMin @DefaultValue("60s") Duration rememberFor,
        @PositiveOrZero @DefaultValue("10000") int maxRemembered,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration refresh) {
}
