package org.smsengine.optout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every lookup of a whole number by a role that sees phones masked answers "on the list or not" for
 * one number: below ADMIN, 30 a minute per user (every such endpoint together), each one audited.
 */
class PhoneLookupLimitIT extends EngineIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    @AfterEach
    void noLookupsCounted() {
        jdbc.update("DELETE FROM phone_lookup WHERE username IN ('operator', 'admin')");
    }

    private static String number(int i) {
        return String.format("+1201555%04d", 9000 + i);
    }

    @Test
    void theThirtyFirstLookupOfAMinuteIsRefusedBelowAdmin() {
        admin().postJson("/api/v1/opt-outs", Map.of("phones", List.of(number(0)), "reason", "lookup test"));
        for (int i = 0; i < 28; i++) {
            assertThat(operator().get("/api/v1/opt-outs/" + number(i)).status()).as("lookup " + (i + 1)).isIn(200, 404);
        }
        assertThat(operator().get("/api/v1/opt-outs?phone=" + number(28).substring(1)).status()).isEqualTo(200);
        assertThat(operator().get("/api/v1/inbound?phone=" + number(29).substring(1)).status()).isEqualTo(200);

        ApiClient.Response refused = operator().get("/api/v1/opt-outs/" + number(30));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().getFirst("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.json().get("detail").asText()).startsWith("You may look up 30 phone numbers in PT1M");
        assertThat(operator().get("/api/v1/opt-outs?phone=" + number(31).substring(1)).status()).isEqualTo(429);
        assertThat(operator().get("/api/v1/inbound/export?phone=" + number(31).substring(1)).status()).isEqualTo(429);
        assertThat(operator().get("/api/v1/opt-outs?size=5").status()).as("a listing without a number").isEqualTo(200);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM phone_lookup WHERE username = 'operator'", Long.class)).isEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT phone FROM phone_lookup WHERE username = 'operator' AND endpoint ="
                + " 'GET /api/v1/inbound?phone=' ", String.class)).isEqualTo(number(29));
    }

    @Test
    void adminSeesNumbersWholeAndIsNotLimited() {
        for (int i = 0; i < 35; i++) {
            assertThat(admin().get("/api/v1/opt-outs/" + number(i)).status()).as("lookup " + (i + 1)).isIn(200, 404);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM phone_lookup WHERE username = 'admin'", Long.class)).isZero();
    }
}
