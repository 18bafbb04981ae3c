package org.smsengine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A password is checked (bcrypt) once per client while the check is remembered, never remembered when
 * wrong, and checked again when the user's stored password changed; a user name nobody has costs one
 * check as a known one does. Built as the engine builds it (LoginConfiguration), with the engine's
 * throttle and database, but over users of its own whose passwords a test may change.
 */
class CheckedLoginsIT extends EngineIntegrationTest {

    private static final String ADDRESS = "192.0.2.7";   // documentation's range: nobody else's failures

    @Autowired
    private LoginThrottle throttle;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterRegistry meters;

    private final CountingBcrypt bcrypt = new CountingBcrypt();
    private final TestClock clock = new TestClock();
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    private final String name = "client-" + UUID.randomUUID().toString().substring(0, 8);

    private CheckedLogins logins() {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
        passwordCheck.setPasswordEncoder(bcrypt);
        return new CheckedLogins(users, passwordCheck, new ProvenPasswords(clock, Duration.ofSeconds(60), 100), throttle,
                meters);
    }

    @AfterEach
    void clearAddress() {
        jdbc.update("DELETE FROM login_lock WHERE subject IN (?, ?)", ADDRESS, name);
        jdbc.update("DELETE FROM login_failure WHERE ip = ?", ADDRESS);
        throttle.refresh();
    }

    private void user(String password) {
        var user = User.withUsername(name).password(bcrypt.encode(password)).roles(Role.OPERATOR.name()).build();
        if (users.userExists(name)) {
            users.updateUser(user);
        } else {
            users.createUser(user);
        }
        bcrypt.checks.set(0);
    }

    private static Authentication attempt(String user, String password) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        token.setDetails(new WebAuthenticationDetails(ADDRESS, null));
        return token;
    }

    @Test
    void aClientsBcryptPasswordIsCheckedOnceWhileTheCheckIsRemembered() {
        user("s3cret-Password");
        CheckedLogins logins = logins();

        for (int i = 0; i < 20; i++) {
            Authentication done = logins.authenticate(attempt(name, "s3cret-Password"));
            assertThat(done.isAuthenticated()).isTrue();
            assertThat(done.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
        }
        assertThat(bcrypt.checks).as("bcrypt checks for 20 requests").hasValue(1);

        clock.set(Instant.now().plusSeconds(61));
        logins.authenticate(attempt(name, "s3cret-Password"));
        assertThat(bcrypt.checks).as("checked again once the check is no longer remembered").hasValue(2);
    }

    @Test
    void aClientsFirstRequestsArrivingTogetherCostOneCheck() throws Exception {
        user("s3cret-Password");
        CheckedLogins logins = logins();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Authentication>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> logins.authenticate(attempt(name, "s3cret-Password"))));
            }
            for (Future<Authentication> answer : answers) {
                assertThat(answer.get().isAuthenticated()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(bcrypt.checks).as("bcrypt checks for 20 requests at once").hasValue(1);
    }

    @Test
    void theEnginesBasicLoginsCheckAClientsPasswordOnceNotPerRequest() {
        double before = meters.counter("sms.login.password.checks").count();
        for (int i = 0; i < 10; i++) {
            assertThat(operator().get("/api/v1/batches?size=1").status()).isEqualTo(200);
        }
        assertThat(meters.counter("sms.login.password.checks").count() - before).as("password checks for 10 requests")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void aWrongPasswordIsNeverRemembered() {
        user("right");
        CheckedLogins logins = logins();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> logins.authenticate(attempt(name, "wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void aUserWhosePasswordChangedIsRefusedTheOldOneAtOnce() {
        user("old-password");
        CheckedLogins logins = logins();
        logins.authenticate(attempt(name, "old-password"));

        user("new-password");

        assertThatThrownBy(() -> logins.authenticate(attempt(name, "old-password"))).isInstanceOf(BadCredentialsException.class);
        assertThat(logins.authenticate(attempt(name, "new-password")).isAuthenticated()).isTrue();
        assertThat(bcrypt.checks).as("the old password checked again, and the new one").hasValue(2);
    }

    @Test
    void aUserNameNobodyHasCostsOneCheckAsAKnownOneDoes() {
        user("right");
        CheckedLogins logins = logins();

        assertThatThrownBy(() -> logins.authenticate(attempt(name, "wrong")))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        assertThat(bcrypt.checks).hasValue(1);
        assertThatThrownBy(() -> logins.authenticate(attempt(name + "-nobody", "wrong")))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        assertThat(bcrypt.checks).as("a bcrypt check against a stand-in hash").hasValue(2);
        jdbc.update("DELETE FROM login_failure WHERE username = ?", name + "-nobody");
    }

    @Test
    void aCheckedSuccessClearsTheUsersFailuresButNotTheAddresss() {
        user("right");
        CheckedLogins logins = logins();
        double checksBefore = meters.counter("sms.login.password.checks").count();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> logins.authenticate(attempt(name, "wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        logins.authenticate(attempt(name, "right"));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> logins.authenticate(attempt(name, "wrong"))).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(logins.authenticate(attempt(name, "right")).isAuthenticated()).as("four failures since the success").isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_failure WHERE username = ? AND cleared_at IS NOT NULL",
                Long.class, name)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_failure WHERE ip = ?", Long.class, ADDRESS)).isEqualTo(8);
        assertThat(meters.counter("sms.login.password.checks").count() - checksBefore).isEqualTo(9);
    }

    /** bcrypt at its lowest cost (this is about how often it runs, not how long), counting its checks. */
    private static final class CountingBcrypt implements PasswordEncoder {

        private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        private final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }
}
