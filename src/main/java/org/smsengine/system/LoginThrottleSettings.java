package org.smsengine.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling ({@code sms.security.login-throttle}), the same for the console's form and HTTP
 * Basic: a user name (known or not, from any address) with {@code userFailures} failed logins within
 * {@code window}, or an address with {@code ipFailures}, is refused for {@code lockout} (429).
 *
 * @param rememberFor  a successful password check of a user name and password is trusted this long on
 *                     the node that made it (never the password itself: an HMAC of it), so a program
 *                     calling with HTTP Basic pays bcrypt once in this time, not on every request
 * @param maxRemembered at most this many checks are remembered at once (older ones are dropped)
 * @param refresh      how often each node reads the lock-outs that run (a remembered client is refused by them)
 */
@ConfigurationProperties("sms.security.login-throttle")
public record LoginThrottleSettings(
        @DefaultValue("5") int userFailures,
        @DefaultValue("50") int ipFailures,
        @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("60s") Duration rememberFor,
        @DefaultValue("10000") int maxRemembered,
        @DefaultValue("1s") Duration refresh) {

    public LoginThrottleSettings {
        if (userFailures < 1 || ipFailures < 1 || maxRemembered < 0) {
            throw new IllegalArgumentException("sms.security.login-throttle: user-failures and ip-failures must be at least 1,"
                    + " max-remembered at least 0");
        }
    }
}
