package org.smsengine.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoEndpointTest {

    private final List<String> injected = new ArrayList<>();

    @Test
    void aCompleteRequestIsInjectedAndAccepted() {
        MoEndpoint endpoint = new MoEndpoint((from, to, text) -> injected.add(from + "|" + to + "|" + text));
        assertThat(endpoint.answer("{\"from\": \"+8613800138000\", \"to\": \"SHOP\", \"text\": \"STOP\"}").status()).isEqualTo(202);
        assertThat(injected).containsExactly("+8613800138000|SHOP|STOP");
    }

    @Test
    void badJsonAndMissingFieldsAreA400WithAReason() {
        MoEndpoint endpoint = new MoEndpoint((from, to, text) -> injected.add(text));
        assertThat(endpoint.answer("{").status()).isEqualTo(400);
        assertThat(endpoint.answer("[]").json()).contains("from, to and text");
        assertThat(endpoint.answer("{\"from\": \"+1\", \"to\": \"SHOP\"}").status()).isEqualTo(400);
        assertThat(endpoint.answer("{\"from\": \"+1\", \"to\": \"SHOP\", \"text\": 5}").status()).isEqualTo(400);
        assertThat(endpoint.answer("{\"from\": \"+1\", \"to\": \"SHOP\", \"text\": \"" + "x".repeat(153 * 256) + "\"}").status())
                .isEqualTo(400);
        assertThat(injected).isEmpty();
    }

    @Test
    void noBoundSessionIsA503AndARefusalA502() {
        assertThat(new MoEndpoint((from, to, text) -> {
            throw new NoBoundSessionException(from);
        }).answer("{\"from\": \"+1\", \"to\": \"SHOP\", \"text\": \"STOP\"}").status()).isEqualTo(503);
        assertThat(new MoEndpoint((from, to, text) -> {
            throw new MoNotDeliveredException(from, new IllegalStateException("temporary"));
        }).answer("{\"from\": \"+1\", \"to\": \"SHOP\", \"text\": \"STOP\"}").status()).isEqualTo(502);
    }

    @Test
    void theAccountingCountsTheStopRepliesAndListsThem() {
        SimulatorAccounting accounting = new SimulatorAccounting(false, 0);
        accounting.stopReplySent(new SimulatorAccounting.StopReply("+447700900001", "SHOP", 1_000));
        AccountingEndpoint endpoint = new AccountingEndpoint(accounting, () -> 1);
        assertThat(endpoint.answer(java.util.Map.of()).json()).contains("\"stopRepliesSent\":1");
        assertThat(endpoint.stopReplies().json())
                .isEqualTo("{\"sent\":1,\"replies\":[{\"number\":\"+447700900001\",\"to\":\"SHOP\",\"epochMillis\":1000}]}");
    }
}
