package org.smsengine.system;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The users named in configuration, and nobody else. Deliberately not a
 * {@code UserDetailsPasswordService}: Spring Security would otherwise re-encode a {@code {noop}}
 * password with bcrypt after the first login, and every later request of a stateless HTTP Basic
 * client (a progress poll, say) would pay a bcrypt check. A password keeps the encoding it was given.
 */
@Component
class ConfiguredUsers implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredUsers.class);
    private static final String PLAIN_TEXT = "{noop}";

    private final SecuritySettings settings;
    private final Map<String, UserDetails> users;

    ConfiguredUsers(SecuritySettings settings) {
        this.settings = settings;
        this.users = settings.users().stream().map(ConfiguredUsers::toUserDetails)
                .collect(Collectors.toUnmodifiableMap(UserDetails::getUsername, Function.identity()));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDetails user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("No user " + username);
        }
        return User.withUserDetails(user).build();
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
        List<SecuritySettings.UserAccount> accounts = settings.users();
        if (accounts.isEmpty()) {
            log.warn("No users are configured (sms.security.users): every API call will be refused with 401");
        } else if (settings.announceUsers()) {
            accounts.forEach(user -> log.info("Development user '{}' with password '{}' and roles {}", user.name(),
                    encoded(user.password()).replace(PLAIN_TEXT, ""), user.roles()));
        }
    }
}
