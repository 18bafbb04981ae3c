package org.smsengine.system;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.stereotype.Component;

/** The users named in configuration, and nobody else. */
@Component
class ConfiguredUsers extends InMemoryUserDetailsManager {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredUsers.class);
    private static final String PLAIN_TEXT = "{noop}";

    private final SecuritySettings settings;

    ConfiguredUsers(SecuritySettings settings) {
        super(settings.users().stream().map(ConfiguredUsers::toUserDetails).toList());
        this.settings = settings;
    }

    private static UserDetails toUserDetails(SecuritySettings.UserAccount account) {
        if (account.name() == null || account.password() == null || account.roles() == null || account.roles().isEmpty()) {
            throw new IllegalStateException("sms.security.users: every user needs a name, a password and roles");
        }
        return User.withUsername(account.name())
                .password(encoded(account.password()))
                .roles(account.roles().stream().map(Role::name).toArray(String[]::new))
                .build();
    }

    private static String encoded(String password) {
        return password.startsWith("{") ? password : PLAIN_TEXT + password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        List<SecuritySettings.UserAccount> users = settings.users();
        if (users.isEmpty()) {
            log.warn("No users are configured (sms.security.users): every API call will be refused with 401");
        } else if (settings.announceUsers()) {
            users.forEach(user -> log.info("Development user '{}' with password '{}' and roles {}", user.name(),
                    encoded(user.password()).replace(PLAIN_TEXT, ""), user.roles()));
        }
    }
}
