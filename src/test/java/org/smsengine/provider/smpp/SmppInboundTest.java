package org.smsengine.provider.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.InboundMessage;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.provider.SubmitResult;
import org.smsengine.simulator.MoNotDeliveredException;
import org.smsengine.simulator.ReceivedPart;
import org.smsengine.simulator.SimulatorHttp;
import org.smsengine.simulator.SimulatorSettings;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.template.SegmentCounter;

/** The SMPP provider against the simulator, without the engine: messages handsets send, and validity on submit. */
class SmppInboundTest {

    private static final String HANDSET = "+8613800138000";

    private final BlockingQueue<InboundMessage> inbound = new LinkedBlockingQueue<>();
    private final AtomicBoolean sinkFails = new AtomicBoolean();
    private SmscSimulator simulator;
    private SmppProvider provider;

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aLongUcs2MessageAndAGsmStopReachTheSinkWholeAndDecoded() throws Exception {
        start(0);
        String chinese = "退订".repeat(70) + "谢谢\uD83D\uDE00";     // 144 units with an emoji: three UCS-2 parts
        assertThat(SegmentCounter.encode(chinese).segments()).isEqualTo(3);
        simulator.injectMo(HANDSET, "SHOP", chinese);
        simulator.injectMo(HANDSET, "SHOP", "Stop.");
        assertThat(next()).extracting(InboundMessage::provider, InboundMessage::from, InboundMessage::to, InboundMessage::text)
                .containsExactly("sim", HANDSET, "SHOP", chinese);
        assertThat(next()).extracting(InboundMessage::from, InboundMessage::text).containsExactly(HANDSET, "Stop.");
    }

    @Test
    void aMessageTheSinkCannotKeepIsRefusedAndTakenWhenOfferedAgain() throws Exception {
        start(0);
        sinkFails.set(true);
        assertThatThrownBy(() -> simulator.injectMo(HANDSET, "SHOP", "STOP")).isInstanceOf(MoNotDeliveredException.class)
                .hasMessageContaining("00000064");     // ESME_RX_T_APPN: offer it again
        sinkFails.set(false);
        simulator.injectMo(HANDSET, "SHOP", "STOP");
        assertThat(next().text()).isEqualTo("STOP");
    }

    @Test
    void postMoDeliversThroughTheHttpSide() throws Exception {
        start(0);
        try (SimulatorHttp http = SimulatorHttp.start(simulator, 0)) {
            HttpResponse<String> response = post(http.port(), "{\"from\": \"+447700900123\", \"to\": \"12345\", \"text\": \"Arrêt [€]\"}");
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(next()).extracting(InboundMessage::from, InboundMessage::to, InboundMessage::text)
                    .containsExactly("+447700900123", "12345", "Arrêt [€]");
            assertThat(post(http.port(), "{\"from\": \"+447700900123\"}").statusCode()).isEqualTo(400);
            assertThat(post(http.port(), "not json").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void everyAcceptedMessageGetsAStopWhenTheRateIsOneAndCarriesItsValidity() throws Exception {
        start(1.0);
        Instant validUntil = Instant.parse("2030-01-02T03:04:05Z");
        List<String> numbers = List.of("+447700900001", "+447700900002", "+447700900003");
        for (String number : numbers) {
            SubmitResult result = provider.submit(new OutgoingMessage(1, "SHOP", number, "Sale today", SegmentCounter.encode("x")
                    .encoding(), 1, Set.of(), validUntil)).get(5, TimeUnit.SECONDS);
            assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
        }
        for (int i = 0; i < numbers.size(); i++) {
            InboundMessage stop = next();
            assertThat(stop.text()).isEqualTo("STOP");
            assertThat(stop.to()).isEqualTo("SHOP");
            assertThat(numbers).contains(stop.from());
        }
        await(() -> simulator.accounting().stopRepliesSent() == 3);     // counted once the engine answered
        assertThat(simulator.accounting().stopReplies()).extracting(r -> r.number()).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(simulator.accounting().recordedParts()).extracting(ReceivedPart::validityPeriod).containsOnly("300102030405000+");
    }

    @Test
    void theRecipientsThatReplyAreTheSameInEveryRunAndAboutTheirShare() {
        long replying = java.util.stream.IntStream.range(0, 10_000)
                .filter(i -> SmscSimulator.repliesStop("+4477009" + String.format("%05d", i), 0.1)).count();
        assertThat(replying).isBetween(900L, 1100L);
        assertThat(SmscSimulator.repliesStop("+447700900001", 0.5)).isEqualTo(SmscSimulator.repliesStop("447700900001", 0.5));
        assertThat(SmscSimulator.repliesStop("+447700900001", 0)).isFalse();
        assertThat(SmscSimulator.repliesStop("+447700900001", 1)).isTrue();
    }

    private void start(double stopReplyRate) throws Exception {
        int port = freePort();
        simulator = new SmscSimulator(new SimulatorSettings(true, port, "engine", "secret", Duration.ZERO, 0, 0, 0,
                Duration.ofMillis(10), 0, 0, 0, true, 100, 2, 2, null, stopReplyRate, null, null, 4,
                SimulatorSettings.ReceiptStyle.TEXT, SimulatorSettings.ReceiptPdu.DELIVER_SM, SimulatorSettings.IdFormat.HEX,
                InetAddress.getLoopbackAddress())).start();
        ProviderSettings.Smpp smpp = new ProviderSettings.Smpp("localhost", port, "engine", "secret", "", "SMSENGINE",
                Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(1), 100,
                Duration.ofMinutes(5), ProviderSettings.ReceiptId.AUTO);
        provider = new SmppProvider(new ProviderSettings.Definition("sim", ProviderSettings.Type.SMPP, 100, 8, 2, 0, smpp, null, null),
                receipt -> { }, message -> {
                    if (sinkFails.get()) {
                        throw new IllegalStateException("database down");
                    }
                    inbound.add(message);
                });
        await(() -> simulator.boundSessions() == 2);
    }

    private InboundMessage next() throws InterruptedException {
        InboundMessage message = inbound.poll(5, TimeUnit.SECONDS);
        assertThat(message).as("an inbound message within 5 s").isNotNull();
        return message;
    }

    private static HttpResponse<String> post(int port, String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mo"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
