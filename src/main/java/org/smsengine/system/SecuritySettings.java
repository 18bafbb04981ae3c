package org.smsengine.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The users of this engine ({@code sms.security.users}). A password carries its encoding as a
 * prefix ({@code {bcrypt}...}, {@code {noop}...}); one without a prefix is taken as plain text.
 *
 * @param announceUsers log the users and their plain-text passwords at start-up (development run only)
 */
@ConfigurationProperties("sms.security")
public record SecuritySettings(@DefaultValue List<UserAccount> users, boolean announceUsers) {

    public record UserAccount(String name, String password, List<Role> roles) {
    }
}
