package org.smsengine.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jsmpp.util.DeliveryReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receipts of messages taken over HTTP, posted to a webhook as an HTTP provider does:
 * {@code receiptDelay} after each message, signed with the HMAC-SHA256 of the body (hex, in
 * {@value #SIGNATURE}) when a secret is set. A post that fails (no answer, or a 5xx) is tried again,
 * {@value #ATTEMPTS} times in all; a receipt counts as sent once the webhook answered 2xx.
 */
final class HttpReceipts implements AutoCloseable {

    static final String SIGNATURE = "X-Signature";
    private static final int ATTEMPTS = 3;
    private static final Duration AGAIN_AFTER = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(HttpReceipts.class);

    private final URI url;
    private final byte[] secret;
    private final Duration delay;
    private final Supplier<DeliveryReceiptState> outcomes;
    private final SimulatorAccounting accounting;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smsc-http-receipts");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client;

    HttpReceipts(SimulatorSettings settings, Supplier<DeliveryReceiptState> outcomes, SimulatorAccounting accounting) {
        this.url = URI.create(settings.httpReceiptUrl());
        this.secret = settings.httpReceiptSecret() == null ? null : settings.httpReceiptSecret().getBytes(StandardCharsets.UTF_8);
        this.delay = settings.receiptDelay();
        this.outcomes = outcomes;
        this.accounting = accounting;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(timer).build();
    }

    /** The receipt of message {@code id}, taken now, is posted after the delay. */
    void schedule(String id) {
        timer.schedule(() -> {
            DeliveryReceiptState state = outcomes.get();
            post(id, state, body(id, state), 1);
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void post(String id, DeliveryReceiptState state, byte[] body, int attempt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header(SIGNATURE, HexFormat.of().formatHex(hmac(body)));
        }
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (response != null && response.statusCode() / 100 == 2) {
                accounting.receiptSent(state.name());
            } else if ((error != null || response.statusCode() >= 500) && attempt < ATTEMPTS) {
                timer.schedule(() -> post(id, state, body, attempt + 1), AGAIN_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                log.debug("Receipt {} not taken by {}: {}", id, url,
                        error != null ? error.toString() : "HTTP " + response.statusCode());
            }
        });
    }

    static byte[] body(String id, DeliveryReceiptState state) {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("messageId", id);
        receipt.put("status", switch (state) {
            case DELIVRD -> "delivered";
            case EXPIRED -> "expired";
            case REJECTD -> "rejected";
            default -> "undelivered";
        });
        receipt.put("error", "000");
        receipt.put("doneAt", Instant.now().toString());
        try {
            return JSON.writeValueAsBytes(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("texts always make JSON", e);
        }
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
