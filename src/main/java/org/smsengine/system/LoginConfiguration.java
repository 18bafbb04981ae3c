package org.smsengine.system;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How a name and password are checked: the engine's one {@link AuthenticationProvider}, which Spring
 * Security's form login and HTTP Basic both use (with no other provider declared, it is the one).
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

    @Bean
    LoginThrottle loginThrottle(LoginThrottleMapper store, LoginThrottleSettings settings, Clock clock, MeterRegistry meters) {
        return new LoginThrottle(store, settings, clock, meters);
    }

    @Bean
    AuthenticationProvider checkedLogins(UserDetailsService users, PasswordEncoder passwords, LoginThrottle throttle,
            LoginThrottleSettings settings, Clock clock, MeterRegistry meters) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
        passwordCheck.setPasswordEncoder(passwords);
        return new CheckedLogins(users, passwordCheck, new ProvenPasswords(clock, settings.rememberFor(),
                settings.maxRemembered()), throttle, meters);
    }
}
