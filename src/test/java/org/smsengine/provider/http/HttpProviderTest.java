package org.smsengine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.provider.SubmitResult;
import org.smsengine.support.TestServices;
import org.smsengine.template.SmsEncoding;

/** The provider against a real HTTP server on this machine: what it sends, how many at once, and when none answers. */
class HttpProviderTest {

    private static final OutgoingMessage MESSAGE = new OutgoingMessage(42, null, "+12015550100", "Say \"hi\"",
            SmsEncoding.GSM7, 1, Set.of(), null);

    private final HttpServer server;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final AtomicInteger atOnce = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private HttpProvider provider;

    HttpProviderTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/messages", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
        server.stop(0);
    }

    @Test
    void theRequestCarriesTheRenderedBodyTheHeadersAndTheCredentials() throws Exception {
        provider = new HttpProvider(HttpDefinitions.anHttpProvider(url()).with("http.headers.x-api-key", "k-1")
                .with("http.auth.type", "BASIC").with("http.auth.username", "engine").with("http.auth.password", "pw")
                .with("http.body", "{\"to\":\"{{to}}\",\"from\":\"{{from}}\",\"text\":\"{{text}}\",\"ref\":{{reference}},"
                        + "\"coding\":\"{{encoding}}\",\"parts\":{{segments}}}")
                .with("http.source-address", "SHOP").build(), receipt -> { });

        SubmitResult result = provider.submit(MESSAGE).get(5, TimeUnit.SECONDS);

        assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
        assertThat(result.firstMessageId()).isEqualTo("id-42");
        JsonNode body = new ObjectMapper().readTree(seen.get("body"));
        assertThat(body.get("to").asText()).isEqualTo("+12015550100");
        assertThat(body.get("from").asText()).isEqualTo("SHOP");
        assertThat(body.get("text").asText()).isEqualTo("Say \"hi\"");
        assertThat(body.get("ref").asLong()).isEqualTo(42);
        assertThat(body.get("coding").asText()).isEqualTo("GSM7");
        assertThat(body.get("parts").asInt()).isEqualTo(1);
        assertThat(seen).containsEntry("method", "POST").containsEntry("content-type", "application/json")
                .containsEntry("x-api-key", "k-1")
                .containsEntry("authorization", "Basic " + Base64.getEncoder().encodeToString("engine:pw".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void noMoreRequestsThanTheWindowAreInFlightAtOnce() throws Exception {
        provider = new HttpProvider(HttpDefinitions.anHttpProvider(url()).with("window", 3).build(), receipt -> { });
        hold = new CountDownLatch(1);
        List<CompletableFuture<SubmitResult>> results = new ArrayList<>();

        CompletableFuture<Void> submitting = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 8; i++) {
                results.add(provider.submit(MESSAGE));      // waits for room once three are out
            }
        });
        Thread.sleep(500);
        assertThat(atOnce.get()).isEqualTo(3);
        assertThat(submitting).isNotDone();
        hold.countDown();
        submitting.get(5, TimeUnit.SECONDS);

        for (CompletableFuture<SubmitResult> result : results) {
            assertThat(result.get(5, TimeUnit.SECONDS)).isInstanceOf(SubmitResult.Accepted.class);
        }
        assertThat(mostAtOnce.get()).isEqualTo(3);
    }

    @Test
    void aProviderSlowerThanTheTimeoutIsARetryLaterAndNoneListeningIsUnreachable() throws Exception {
        provider = new HttpProvider(HttpDefinitions.anHttpProvider(url()).with("http.request-timeout", "200ms").build(),
                receipt -> { });
        hold = new CountDownLatch(1);
        HttpProvider nobody = new HttpProvider(HttpDefinitions.anHttpProvider(
                "http://localhost:" + TestServices.freePort() + "/messages").build(), receipt -> { });

        SubmitResult slow = provider.submit(MESSAGE).get(5, TimeUnit.SECONDS);
        SubmitResult refused = nobody.submit(MESSAGE).get(5, TimeUnit.SECONDS);
        nobody.close();
        hold.countDown();

        assertThat(slow).isInstanceOf(SubmitResult.RetryLater.class);
        assertThat(((SubmitResult.RetryLater) slow).code()).isEqualTo("http:timeout");
        assertThat(refused).isInstanceOf(SubmitResult.RetryLater.class);
        assertThat(((SubmitResult.RetryLater) refused).code()).isEqualTo("http:unreachable");
    }

    private String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/messages";
    }

    private void answer(HttpExchange exchange) throws IOException {
        mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
        try {
            seen.put("method", exchange.getRequestMethod());
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            hold.await(10, TimeUnit.SECONDS);
            byte[] answer = "{\"messageId\":\"id-42\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (the timeout test): nothing to answer to
        } finally {
            atOnce.decrementAndGet();
        }
    }
}
