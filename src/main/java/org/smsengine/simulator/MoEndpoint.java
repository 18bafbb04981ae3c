package org.smsengine.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /mo} of the simulator's HTTP side: {@code {"from": "+8613800138000", "to": "SHOP",
 * "text": "STOP"}} is delivered to the engine as a message a handset sent ({@link SmscSimulator#injectMo}).
 * 202 once the engine answered it; 400 for a body that is not that; 503 when no session is bound;
 * 502 when the engine refused it (a temporary error: it could not keep it) or did not answer.
 */
final class MoEndpoint implements HttpHandler {

    private static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Delivers an MO; {@link SmscSimulator#injectMo} in the simulator, anything in a test. */
    @FunctionalInterface
    interface Injector {
        void inject(String from, String to, String text);
    }

    private final Injector injector;

    MoEndpoint(Injector injector) {
        this.injector = injector;
    }

    record Answer(int status, String json) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer = new Answer(405, problem(405, "POST a JSON body {\"from\", \"to\", \"text\"}"));
        } else {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readNBytes(MAX_BODY + 1);
                answer = body.length > MAX_BODY ? new Answer(400, problem(400, "the body is larger than 64 KB"))
                        : answer(new String(body, StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    Answer answer(String body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return new Answer(400, problem(400, "the body is not JSON"));
        }
        String from = text(request, "from");
        String to = text(request, "to");
        String text = request == null ? null : request.get("text") != null && request.get("text").isTextual()
                ? request.get("text").asText() : null;
        if (from == null || to == null || text == null || text.isEmpty()) {
            return new Answer(400, problem(400, "from, to and text are required strings"));
        }
        if (MoSender.parts(text) > MoSender.MAX_PARTS) {
            return new Answer(400, problem(400, "the text needs more than " + MoSender.MAX_PARTS + " parts"));
        }
        try {
            injector.inject(from, to, text);
            return new Answer(202, "{\"from\":" + quoted(from) + ",\"to\":" + quoted(to) + "}");
        } catch (NoBoundSessionException e) {
            return new Answer(503, problem(503, e.getMessage()));
        } catch (MoNotDeliveredException e) {
            return new Answer(502, problem(502, e.getMessage()));
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request == null ? null : request.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().trim() : null;
    }

    private static String problem(int status, String detail) {
        try {
            return JSON.writeValueAsString(Map.of("status", status, "detail", detail));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
