package org.smsengine.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AccountingEndpointTest {

    private final SimulatorAccounting accounting = new SimulatorAccounting(false, 0);
    private final AccountingEndpoint endpoint = new AccountingEndpoint(accounting, () -> 2);

    @Test
    @Timeout(2)
    void aHugeRangeIsA400AtOnce() {
        AccountingEndpoint.Answer answer = endpoint.answer(Map.of("from", "0", "to", Long.toString(Long.MAX_VALUE)));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).contains("24 hours");
        assertThat(endpoint.answer(Map.of("from", "2000", "to", "1000")).status()).isEqualTo(400);
    }

    @Test
    void parametersThatAreNotNumbersAreA400NotADroppedConnection() {
        assertThat(endpoint.answer(Map.of("from", "yesterday", "to", "1000")).status()).isEqualTo(400);
        assertThat(endpoint.answer(Map.of("from", "1000")).status()).isEqualTo(200);
        assertThat(endpoint.answer(Map.of("from", "1000", "to", "")).status()).isEqualTo(400);
        assertThat(endpoint.answer(Map.of("from", "99999999999999999999999")).status()).isEqualTo(400);
    }

    @Test
    void aRangeWithinADayAddsTheBusiestSecondAndTheLastAcceptance() {
        accounting.accepted(new ReceivedPart("12015550123", "SHOP", 0, 0, new byte[0], "m1", null), 5_000);
        AccountingEndpoint.Answer answer = endpoint.answer(Map.of("from", "0", "to", "86400000"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).contains("\"accepted\":1", "\"boundSessions\":2", "\"busiestSecond\":1",
                "\"lastAcceptedAt\":5009");
    }
}
