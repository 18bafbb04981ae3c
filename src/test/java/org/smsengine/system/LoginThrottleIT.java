package org.smsengine.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Login throttling over HTTP, on the console's form and on HTTP Basic: five failures of a user name
 * (from any address) or fifty from one address, and it is refused with 429 for the lock-out, the right
 * password included; whether the user exists never shows. Each test calls from loopback addresses of
 * its own, and what it locked is cleared after it: the other tests log in from 127.0.0.1 all the time.
 */
class LoginThrottleIT extends EngineIntegrationTest {

    private static final String ME = "/api/v1/batches?size=1";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private LoginThrottle throttle;

    @BeforeEach
    @AfterEach
    void noLockOutsLeft() {
        jdbc.update("DELETE FROM login_lock");
        jdbc.update("DELETE FROM login_failure");
        throttle.refresh();
    }

    private FromAddress from(int last) {
        return new FromAddress("127.0.0." + last, port);
    }

    @Test
    void aUserNameIsLockedOutAfterFiveFailuresFromAnyAddresssEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThat(from(20 + i).getAs("approver", "guess" + i, ME).status()).as("failure " + (i + 1)).isEqualTo(401);
        }

        FromAddress.Answer refused = from(30).getAs("approver", "approver", ME);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(890L, 900L);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = ApiClient.json(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).isEqualTo("Too many failed logins: try again in 15 minutes");
        assertThat(from(30).getAs("marketer", "marketer", ME).status()).as("another user, same address").isEqualTo(200);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_failure WHERE username = 'approver' AND channel = 'basic'"
                + " AND reason = 'bad_password'", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_lock WHERE kind = 'user' AND subject = 'approver'"
                + " AND until > now() + interval '14 minutes'", Long.class)).isEqualTo(1);
    }

    @Test
    void theFormIsThrottledAsBasicIsAndItsPageSaysSo() {
        FromAddress browser = from(40);
        Session session = Session.open(browser);
        for (int i = 0; i < 5; i++) {
            FromAddress.Answer wrong = session.logIn("operator", "guess" + i);
            assertThat(wrong.status()).isEqualTo(302);
            assertThat(wrong.header("Location")).endsWith("/login?error");
        }

        FromAddress.Answer refused = session.logIn("operator", "operator");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(890L, 900L);
        assertThat(refused.body()).contains("id=\"login-throttled\"", "Too many failed logins: try again in 15 minutes",
                "<form");
        assertThat(from(41).getAs("operator", "operator", ME).status()).as("the same user name over Basic").isEqualTo(429);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_failure WHERE username = 'operator' AND channel = 'form'",
                Long.class)).isEqualTo(5);
    }

    @Test
    void anAddressIsLockedOutAfterFiftyFailuresWhateverTheUserNames() {
        FromAddress guesser = from(50);
        for (int i = 0; i < 50; i++) {
            assertThat(guesser.getAs("someone-" + i, "guess", ME).status()).as("failure " + (i + 1)).isEqualTo(401);
        }

        assertThat(guesser.getAs("marketer", "marketer", ME).status()).isEqualTo(429);
        assertThat(from(51).getAs("marketer", "marketer", ME).status()).as("another address").isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_lock WHERE kind = 'ip' AND subject = '127.0.0.50'",
                Long.class)).isEqualTo(1);
    }

    @Test
    void aUserNameNobodyHasIsAnsweredAsOneThatExists() {
        FromAddress known = from(60);
        FromAddress unknown = from(61);
        for (int i = 0; i < 6; i++) {
            FromAddress.Answer a = known.getAs("admin", "guess" + i, ME);
            FromAddress.Answer b = unknown.getAs("nobody-at-all", "guess" + i, ME);
            assertThat(b.status()).as("attempt " + (i + 1)).isEqualTo(a.status()).isEqualTo(i < 5 ? 401 : 429);
            assertThat(b.body()).isEqualTo(a.body());
            assertThat(b.header("WWW-Authenticate")).isEqualTo(a.header("WWW-Authenticate"));
            assertThat(b.header("Content-Type")).isEqualTo(a.header("Content-Type"));
        }
        assertThat(unknown.getAs("nobody-at-all", "anything", ME).status()).isEqualTo(429);
    }

    /** A browser's session on the login page: its cookie and CSRF token. */
    private record Session(FromAddress browser, String cookie, String csrf) {

        static Session open(FromAddress browser) {
            FromAddress.Answer page = browser.send("GET", "/login", Map.of(), null);
            assertThat(page.status()).isEqualTo(200);
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as(page.body()).isTrue();
            String cookie = page.header("Set-Cookie").split(";")[0];
            return new Session(browser, cookie, token.group(1));
        }

        FromAddress.Answer logIn(String user, String password) {
            String form = "username=" + encoded(user) + "&password=" + encoded(password) + "&_csrf=" + encoded(csrf);
            return browser.send("POST", "/login", Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"),
                    form);
        }

        private static String encoded(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
