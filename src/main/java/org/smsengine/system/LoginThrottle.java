package org.smsengine.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

/**
 * Login throttling, cluster-wide: the failures and lock-outs are rows in PostgreSQL (V024), which every
 * node reads; Redis, which may be down while the engine works on, holds none of it. A user name with
 * too many failures in the window, or an address, is refused (before any password is checked, so a
 * refusal costs the same for a user that exists and one that does not) until its lock-out ends. A
 * successful login clears the user's own failures (as Keycloak does), not its address's. Each failure,
 * lock-out and refusal is logged with the user name and address, and counted.
 *
 * <p>A client whose password this node checked lately is not asked for it again (CheckedLogins), but it
 * is refused all the same while its user name or address is locked out: each node keeps the lock-outs
 * that run in memory, read again from the database every second, so such a request costs no query.
 *
 * <p>On a node, one password per user name is checked at a time (a few locks shared by hash), so a burst
 * of guesses sent at once meets the lock-out as a row of guesses would, instead of all being checked
 * before the first failure is counted. When the database cannot be asked, the login is refused (401).
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int STRIPES = 64;

    private final LoginThrottleMapper store;
    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    /** The lock-outs that run, by "user:name" and "ip:address", as this node knows them: their ends. */
    private volatile Map<String, Instant> running = Map.of();

    LoginThrottle(LoginThrottleMapper store, LoginThrottleSettings settings, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Runs the password check of the attempt unless it is locked out; records how it ended. */
    <T> T check(LoginAttempt attempt, Supplier<T> passwordCheck, FailureReason failures) {
        refuseIfLocked(attempt);
        ReentrantLock stripe = stripes[Math.floorMod(attempt.username().hashCode(), STRIPES)];
        stripe.lock();
        try {
            refuseIfLocked(attempt);      // the guesses before this one, on this node, are counted by now
            T result;
            try {
                result = passwordCheck.get();
            } catch (RuntimeException e) {
                String reason = failures.reasonOf(e);
                if (reason != null) {
                    failed(attempt, reason);
                }
                throw e;
            }
            succeeded(attempt);
            return result;
        } finally {
            stripe.unlock();
        }
    }

    /** For a request whose password was checked lately: refused while its user name or address is locked out. */
    void refuseIfKnownLocked(LoginAttempt attempt) {
        Instant now = clock.instant();
        Instant user = running.get(userKey(attempt.username()));
        Instant ip = running.get(ipKey(attempt.ip()));
        Instant until = user == null || (ip != null && ip.isAfter(user)) ? ip : user;
        if (until != null && until.isAfter(now)) {
            refuse(attempt, Duration.between(now, until));
        }
    }

    /** Reads the lock-outs that run again, those other nodes made too. */
    @Scheduled(fixedDelayString = "#{@loginThrottleSettings.refresh}")
    void refresh() {
        Map<String, Instant> read = new ConcurrentHashMap<>();
        List<LoginThrottleMapper.Lock> locks;
        try {
            locks = store.running(clock.instant());
        } catch (DataAccessException e) {
            return;       // the ones known stay; a password check asks the database itself, and fails closed
        }
        for (LoginThrottleMapper.Lock lock : locks) {
            read.merge(("user".equals(lock.kind()) ? "user:" : "ip:") + lock.subject(), lock.until(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        running = read;
    }

    private void known(String key, Instant until) {
        Map<String, Instant> now = new ConcurrentHashMap<>(running);
        now.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
        running = now;
    }

    private static String userKey(String username) {
        return "user:" + username;
    }

    private static String ipKey(String ip) {
        return "ip:" + ip;
    }

    /** Which failures count against a user name and address, by their exception; null for one that does not. */
    interface FailureReason {
        String reasonOf(RuntimeException e);
    }

    private void refuseIfLocked(LoginAttempt attempt) {
        Instant now = clock.instant();
        Instant until = database(() -> store.lockedUntil(attempt.username(), attempt.ip(), now));
        if (until != null) {
            refuse(attempt, Duration.between(now, until));
        }
    }

    private void refuse(LoginAttempt attempt, Duration wait) {
        Counter.builder("sms.login.throttled").tag("channel", attempt.channel())
                .description("Logins refused with 429, the user name or the address being locked out")
                .register(meters).increment();
        log.warn("Login refused, locked out for {} more: {}", LoginThrottledException.minutes(wait), attempt.shown());
        throw new LoginThrottledException(wait);
    }

    private void failed(LoginAttempt attempt, String reason) {
        Instant now = clock.instant();
        LoginThrottleMapper.Failures counted = database(() -> store.recordFailure(attempt, reason, now,
                now.minus(settings.window()), now.plus(settings.lockout()), settings.userFailures(), settings.ipFailures()));
        Counter.builder("sms.login.failures").tag("reason", reason).tag("channel", attempt.channel())
                .description("Failed logins (form and HTTP Basic), by reason").register(meters).increment();
        log.warn("Login failed ({}): {}; {} of {} failures for the user name, {} of {} for the address, within {}",
                reason, attempt.shown(), counted.byUser(), settings.userFailures(), counted.byIp(), settings.ipFailures(),
                settings.window());
        if (counted.userLocked()) {
            known(userKey(attempt.username()), now.plus(settings.lockout()));
            log.warn("User name '{}' locked out for {} after {} failed logins", LogText.escape(attempt.username()),
                    settings.lockout(), counted.byUser());
        }
        if (counted.ipLocked()) {
            known(ipKey(attempt.ip()), now.plus(settings.lockout()));
            log.warn("Address {} locked out for {} after {} failed logins", attempt.ip(), settings.lockout(), counted.byIp());
        }
    }

    private void succeeded(LoginAttempt attempt) {
        Instant now = clock.instant();
        database(() -> {
            store.clearUser(attempt.username(), now.minus(settings.window()), now);
            return null;
        });
    }

    private static <T> T database(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException e) {
            throw new InternalAuthenticationServiceException("Logins cannot be checked now: the database is unreachable", e);
        }
    }
}
