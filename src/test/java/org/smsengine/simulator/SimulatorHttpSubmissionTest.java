package org.smsengine.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smsengine.support.TestServices;

/** The simulator as an HTTP provider, on its own: what it answers, what it counts, and the receipts it posts. */
class SimulatorHttpSubmissionTest {

    private static final String SECRET = "receipt-secret";

    private final HttpClient client = HttpClient.newHttpClient();
    private final BlockingQueue<String[]> receipts = new LinkedBlockingQueue<>();
    private HttpServer webhook;
    private SmscSimulator simulator;
    private SimulatorHttp http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    @Test
    void aMessageIsTakenCountedOnceAndItsReceiptPostedSigned() throws Exception {
        start(0, 0);

        HttpResponse<String> taken = submit("{\"to\":\"+12015550100\",\"from\":\"SHOP\",\"text\":\"Hi 张伟\",\"reference\":\"7\"}");

        assertThat(taken.statusCode()).isEqualTo(200);
        String id = taken.body().replaceAll(".*\"messageId\":\"([0-9a-f]+)\".*", "$1");
        String[] receipt = receipts.poll(5, TimeUnit.SECONDS);
        assertThat(receipt).as("a receipt reached the webhook").isNotNull();
        assertThat(simulator.accounting().acceptedFor("+12015550100")).isEqualTo(1);     // counted before its receipt left
        assertThat(receipt[0]).contains("\"messageId\":\"" + id + "\"", "\"status\":\"delivered\"");
        assertThat(receipt[1]).isEqualTo(hmac(receipt[0]));
    }

    @Test
    void refusalsAreAnsweredByStatusAndNotCounted() throws Exception {
        start(0, 0);
        simulator.script("+12015550101", SmscSimulator.Scripted.REJECT, SmscSimulator.Scripted.THROTTLE);

        HttpResponse<String> rejected = submit("{\"to\":\"+12015550101\",\"text\":\"Hi\"}");
        HttpResponse<String> throttled = submit("{\"to\":\"+12015550101\",\"text\":\"Hi\"}");
        HttpResponse<String> unreadable = submit("{\"text\":\"Hi\"}");

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body()).contains("\"error\":\"invalid_destination\"");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(simulator.accounting().acceptedFor("+12015550101")).isZero();
        assertThat(simulator.accounting().refused()).isEqualTo(2);
    }

    @Test
    void theCapAndTheTransientShareRefuseAsOverSmpp() throws Exception {
        start(1, 0);
        assertThat(submit("{\"to\":\"+12015550102\",\"text\":\"Hi\"}").statusCode()).isEqualTo(503);
        http.close();
        simulator.close();

        start(0, 1);
        int throttled = 0;
        for (int i = 0; i < 5; i++) {
            throttled += submit("{\"to\":\"+12015550103\",\"text\":\"Hi\"}").statusCode() == 429 ? 1 : 0;
        }
        assertThat(throttled).as("a burst of one, then one a second").isGreaterThanOrEqualTo(3);
    }

    private void start(double transientErrorRate, int maxTps) throws Exception {
        webhook = webhook == null ? webhook() : webhook;
        String url = "http://localhost:" + webhook.getAddress().getPort() + "/receipts";
        simulator = new SmscSimulator(new SimulatorSettings(true, TestServices.freePort(), "engine", "secret", Duration.ZERO,
                maxTps, transientErrorRate, 0, Duration.ofMillis(10), 0, 0, 0, true, 10, 1, 1, null, 0, url, SECRET, 4,
                SimulatorSettings.ReceiptStyle.TEXT, SimulatorSettings.ReceiptPdu.DELIVER_SM, SimulatorSettings.IdFormat.HEX,
                InetAddress.getLoopbackAddress())).start();
        http = SimulatorHttp.start(simulator, TestServices.freePort());
    }

    private HttpServer webhook() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/receipts", exchange -> {
            receipts.add(new String[] {new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Signature")});
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private HttpResponse<String> submit(String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + "/http/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
