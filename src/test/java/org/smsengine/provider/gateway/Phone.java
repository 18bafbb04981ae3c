package org.smsengine.provider.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smsengine.support.ApiClient;

/** A gateway device as the tests play it: plain HTTP calls with its key, as a phone's app would make them. */
final class Phone {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final long id;
    private final String key;

    Phone(int port, long id, String key) {
        this.port = port;
        this.id = id;
        this.key = key;
    }

    /** Registers a device for {@code provider} as ADMIN. */
    static Phone register(ApiClient admin, int port, String provider, String name) {
        ApiClient.Response registered = admin.postJson("/api/v1/providers/" + provider + "/devices", Map.of("name", name));
        JsonNode body = registered.json();
        return new Phone(port, registered.createdId(), body.get("key").asText());
    }

    long id() {
        return id;
    }

    ApiClient.Response pull(int max) {
        return post("/api/v1/gateway/pull?max=" + max, "");
    }

    /** The messages of one pull, which must succeed. */
    List<JsonNode> pulled(int max) {
        ApiClient.Response response = pull(max);
        if (response.status() != 200) {
            throw new AssertionError("pull: " + response);
        }
        List<JsonNode> messages = new ArrayList<>();
        response.json().forEach(messages::add);
        return messages;
    }

    ApiClient.Response report(List<Map<String, Object>> outcomes) {
        try {
            return post("/api/v1/gateway/report", JSON.writeValueAsString(outcomes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reports every message SENT; returns the answer, which must be 200. */
    JsonNode sent(List<JsonNode> messages) {
        ApiClient.Response response = report(messages.stream()
                .map(m -> Map.<String, Object>of("id", m.get("id").asLong(), "outcome", "SENT")).toList());
        if (response.status() != 200) {
            throw new AssertionError("report: " + response);
        }
        return response.json();
    }

    ApiClient.Response post(String path, String body) {
        return post(port, key, path, body);
    }

    /** A device call with any key (or none: null). */
    static ApiClient.Response post(int port, String key, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-Device-Key", key);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiClient.Response(response.statusCode(), null, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
