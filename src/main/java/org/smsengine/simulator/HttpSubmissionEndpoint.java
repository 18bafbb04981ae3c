package org.smsengine.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code POST /http/messages} of the simulator's HTTP side: the simulator as an HTTP provider.
 * {@code {"to": "+12015550100", "from": "SHOP", "text": "...", "reference": "42"}} is answered
 * {@code 200 {"messageId": "..."}} when taken; refused as the SMPP side would refuse it (the same
 * cap, error shares and scripts): {@code 429} throttled, {@code 503} a transient error, {@code 400
 * {"error": "invalid_destination"}}. A message is one submission however long its text, counted in
 * the accounting once its answer is written; its receipt is posted to {@code http-receipt-url}.
 */
final class HttpSubmissionEndpoint implements HttpHandler {

    private static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SmscSimulator simulator;
    private final HttpReceipts receipts;

    /** @param receipts where receipts go; null: none is sent */
    HttpSubmissionEndpoint(SmscSimulator simulator, HttpReceipts receipts) {
        this.simulator = simulator;
        this.receipts = receipts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "{\"error\":\"method_not_allowed\"}");
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        JsonNode request = body.length > MAX_BODY ? null : parse(body);
        String to = text(request, "to");
        String text = text(request, "text");
        if (to == null || text == null) {
            answer(exchange, 400, "{\"error\":\"invalid_request\",\"detail\":\"a JSON body with to and text\"}");
            return;
        }
        switch (simulator.admit(to)) {
            case THROTTLED -> answer(exchange, 429, "{\"error\":\"throttled\"}");
            case TRANSIENT -> answer(exchange, 503, "{\"error\":\"temporarily_unavailable\"}");
            case REJECTED -> answer(exchange, 400, "{\"error\":\"invalid_destination\"}");
            case ACCEPT -> accept(exchange, to, text(request, "from"), text);
        }
    }

    private void accept(HttpExchange exchange, String to, String from, String text) throws IOException {
        sleep(simulator.latency());
        String id = simulator.nextId();
        answer(exchange, 200, "{\"messageId\":\"" + id + "\"}");
        // counted once the answer is written, as over SMPP: a message whose answer was lost is not "accepted"
        simulator.accounting().accepted(new ReceivedPart(SmscSimulator.bare(to), from, ReceivedPart.HTTP, 0,
                text.getBytes(StandardCharsets.UTF_8), id, null), System.currentTimeMillis());
        if (receipts != null) {
            receipts.schedule(id);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request == null ? null : request.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private static void sleep(Duration duration) {
        if (!duration.isZero()) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
