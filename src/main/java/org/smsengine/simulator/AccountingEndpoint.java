package org.smsengine.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * {@code GET /accounting} of the simulator's HTTP side: the counts as JSON, and with {@code ?from=&to=}
 * (epoch milliseconds) the busiest second between them and the last submission accepted after
 * {@code from}. Parameters that are not numbers, or a range longer than {@link #MAX_RANGE}, are a
 * 400 with a JSON reason, never a dropped connection. {@code GET /accounting/stop-replies} lists
 * the STOP replies sent (who, to whom, when), so a benchmark can check the engine opted them out.
 */
final class AccountingEndpoint implements HttpHandler {

    static final Duration MAX_RANGE = Duration.ofHours(24);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatorAccounting accounting;
    private final IntSupplier boundSessions;

    AccountingEndpoint(SimulatorAccounting accounting, IntSupplier boundSessions) {
        this.accounting = accounting;
        this.boundSessions = boundSessions;
    }

    record Answer(int status, String json) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Answer answer = exchange.getRequestURI().getPath().endsWith("/stop-replies") ? stopReplies()
                : answer(query(exchange.getRequestURI()));
        byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    Answer answer(Map<String, String> query) {
        Long from = number(query.get("from"));
        Long to = number(query.get("to"));
        if (query.containsKey("from") && from == null || query.containsKey("to") && to == null) {
            return refused("from and to are epoch milliseconds");
        }
        String window = "";
        if (from != null && to != null) {
            if (to < from || to - from > MAX_RANGE.toMillis()) {
                return refused("to must not be before from, and at most " + MAX_RANGE.toHours() + " hours after it");
            }
            window = ",\"busiestSecond\":" + accounting.maxInWindow(from, to, 1000);
        }
        if (from != null) {
            window += ",\"lastAcceptedAt\":" + accounting.lastAcceptedAfter(from);
        }
        return new Answer(200, String.format(Locale.ROOT,
                "{\"accepted\":%d,\"refused\":%d,\"receiptsSent\":%d,\"stopRepliesSent\":%d,\"boundSessions\":%d,"
                + "\"destinationsWithMoreThanOne\":%d%s}",
                accounting.accepted(), accounting.refused(), accounting.receiptsSent(), accounting.stopRepliesSent(),
                boundSessions.getAsInt(),
                accounting.destinationsWithMoreThanOne(), window));
    }

    Answer stopReplies() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sent", accounting.stopRepliesSent());
        body.put("replies", accounting.stopReplies());
        try {
            return new Answer(200, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("numbers and times always make JSON", e);
        }
    }

    private static Answer refused(String reason) {
        return new Answer(400, "{\"status\":400,\"detail\":\"" + reason + "\"}");
    }

    private static Long number(String value) {
        if (value == null || value.length() > 19) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return query;
    }
}
