package org.smsengine.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Every login by name and password, the console's form and HTTP Basic alike: a password this node
 * checked lately for the same stored hash passes without bcrypt ({@link ProvenPasswords}); any other
 * goes through login throttling ({@link LoginThrottle}) to Spring Security's own check, whose answer
 * for a user that does not exist is the same, and as slow, as for a wrong password.
 */
final class CheckedLogins implements AuthenticationProvider {

    static final String BAD_PASSWORD = "bad_password";
    static final String UNKNOWN_USER = "unknown_user";

    private final UserDetailsService users;
    private final DaoAuthenticationProvider passwordCheck;
    private final ProvenPasswords proven;
    private final LoginThrottle throttle;
    private final Counter checks;
    private final UserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();

    CheckedLogins(UserDetailsService users, DaoAuthenticationProvider passwordCheck, ProvenPasswords proven,
            LoginThrottle throttle, MeterRegistry meters) {
        this.users = users;
        this.passwordCheck = passwordCheck;
        this.proven = proven;
        this.throttle = throttle;
        this.checks = Counter.builder("sms.login.password.checks")
                .description("Passwords checked (bcrypt, for bcrypt users); a login trusted from an earlier check makes none")
                .register(meters);
        passwordCheck.setHideUserNotFoundExceptions(false);   // told apart for the count; hidden again below
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        UsernamePasswordAuthenticationToken given = (UsernamePasswordAuthenticationToken) authentication;
        String password = given.getCredentials() == null ? "" : given.getCredentials().toString();
        LoginAttempt attempt = LoginAttempt.of(given);
        Authentication trusted = trusted(given, password);
        if (trusted != null) {
            throttle.refuseIfKnownLocked(attempt);
            return trusted;
        }
        return throttle.check(attempt, () -> checkPassword(given, password), CheckedLogins::reasonOf);
    }

    /** Logged in without a password check, this one having been made lately; null when it was not. */
    private Authentication trusted(UsernamePasswordAuthenticationToken given, String password) {
        UserDetails known = knownOrNull(given.getName());
        if (known == null || !proven.proven(known.getUsername(), password, known.getPassword())) {
            return null;
        }
        accountStatus.check(known);
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(known,
                given.getCredentials(), known.getAuthorities());
        result.setDetails(given.getDetails());
        return result;
    }

    private Authentication checkPassword(UsernamePasswordAuthenticationToken given, String password) {
        // a client's first requests arrive together: the one before this in the queue may have checked it
        Authentication trusted = trusted(given, password);
        if (trusted != null) {
            return trusted;
        }
        checks.increment();
        try {
            Authentication result = passwordCheck.authenticate(given);
            if (result.getPrincipal() instanceof UserDetails user) {
                proven.remember(user.getUsername(), password, user.getPassword());
            }
            return result;
        } catch (UsernameNotFoundException e) {
            throw new UnknownUserException();
        }
    }

    private UserDetails knownOrNull(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    private static String reasonOf(RuntimeException e) {
        if (e instanceof UnknownUserException) {
            return UNKNOWN_USER;
        }
        return e instanceof BadCredentialsException ? BAD_PASSWORD : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** A user name nobody has: answered exactly as a wrong password is. */
    private static final class UnknownUserException extends BadCredentialsException {

        UnknownUserException() {
            super("Bad credentials");
        }
    }
}
