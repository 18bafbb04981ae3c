package org.smsengine.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** The engine's REST API as one user sees it, for tests and the benchmark. Never throws on a 4xx/5xx. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Reads a JSON document (an event's data, say). */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    private final RestClient rest;

    public ApiClient(int port, String user, String password) {
        this("http://localhost:" + port, user, password);
    }

    public ApiClient(String baseUrl, String user, String password) {
        RestClient.Builder builder = RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(new JdkClientHttpRequestFactory())
                .defaultStatusHandler(status -> true, (request, response) -> { });
        if (user != null) {
            builder.defaultHeaders(headers -> headers.setBasicAuth(user, password));
        }
        this.rest = builder.build();
    }

    public Response get(String path) {
        return rest.get().uri(path).exchange((request, response) -> Response.of(response.getStatusCode().value(),
                response.getHeaders(), response.getBody().readAllBytes()));
    }

    public Response postJson(String path, Object body) {
        return rest.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> Response.of(response.getStatusCode().value(), response.getHeaders(),
                        response.getBody().readAllBytes()));
    }

    /** {@code POST} of raw bytes with the {@code Content-Type} header exactly as given (letter case and all). */
    public Response post(String path, String contentType, byte[] body) {
        return rest.post().uri(path).header(HttpHeaders.CONTENT_TYPE, contentType).body(body)
                .exchange((request, response) -> Response.of(response.getStatusCode().value(), response.getHeaders(),
                        response.getBody().readAllBytes()));
    }

    public Response delete(String path) {
        return rest.delete().uri(path).exchange((request, response) -> Response.of(response.getStatusCode().value(),
                response.getHeaders(), response.getBody().readAllBytes()));
    }

    /** {@code DELETE} with a JSON body given as text (a removal's reason). */
    public Response deleteJson(String path, String json) {
        return rest.method(org.springframework.http.HttpMethod.DELETE).uri(path).contentType(MediaType.APPLICATION_JSON)
                .body(json).exchange((request, response) -> Response.of(response.getStatusCode().value(),
                        response.getHeaders(), response.getBody().readAllBytes()));
    }

    /** {@code PATCH} with a JSON body given as text (so that {@code null} and unknown fields can be sent as they are). */
    public Response patchJson(String path, String json) {
        return rest.patch().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange((request, response) -> Response.of(response.getStatusCode().value(), response.getHeaders(),
                        response.getBody().readAllBytes()));
    }

    /** {@code POST /api/v1/batches} with {@code file} and the form fields. */
    public Response uploadCsv(byte[] file, Map<String, String> fields) {
        return uploadCsv(file, fields, "/api/v1/batches");
    }

    /** A CSV upload to {@code path} (a batch's, an audience's) with the form fields. */
    public Response uploadCsv(byte[] file, Map<String, String> fields, String path) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "recipients.csv";
            }
        });
        fields.forEach(parts::add);
        return rest.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> Response.of(response.getStatusCode().value(), response.getHeaders(),
                        response.getBody().readAllBytes()));
    }

    /** A multipart request with the form fields but no {@code file} part. */
    public Response uploadCsvWithoutFile() {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("name", "no file");
        parts.add("template", "Hi");
        return rest.post().uri("/api/v1/batches").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> Response.of(response.getStatusCode().value(), response.getHeaders(),
                        response.getBody().readAllBytes()));
    }

    public Response uploadCsv(Path file, Map<String, String> fields) {
        try {
            return uploadCsv(Files.readAllBytes(file), fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a text/event-stream until the server ends it (or the timeout passes); returns its lines. */
    public List<String> stream(String path, Duration timeout) {
        return rest.get().uri(path).accept(MediaType.TEXT_EVENT_STREAM).exchange((request, response) -> {
            List<String> lines = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8))) {
                String line;
                while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
                    lines.add(line);
                }
            }
            return lines;
        });
    }

    /** Polls {@code GET path} until the JSON answer satisfies {@code done}, or fails after {@code timeout}. */
    public JsonNode await(String path, Predicate<JsonNode> done, Duration timeout) {
        return await(path, done, timeout, 50);
    }

    /** As {@link #await(String, Predicate, Duration)}, polling every {@code pollMillis}. */
    public JsonNode await(String path, Predicate<JsonNode> done, Duration timeout, long pollMillis) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            Response response = get(path);
            if (response.status() == 200) {
                last = response.json();
                if (done.test(last)) {
                    return last;
                }
            }
            sleep(pollMillis);
        }
        throw new AssertionError("Timed out after " + timeout + " waiting on " + path + "; last answer: " + last);
    }

    public JsonNode awaitState(long batchId, String state, Duration timeout) {
        return awaitState(batchId, state, timeout, 50);
    }

    public JsonNode awaitState(long batchId, String state, Duration timeout, long pollMillis) {
        return await("/api/v1/batches/" + batchId, batch -> {
            String current = batch.path("state").asText();
            if (!current.equals(state) && (current.equals("FAILED") || current.equals("ABORTED") || current.equals("COMPLETED"))) {
                throw new AssertionError("Batch " + batchId + " ended " + current + " instead of " + state + ": " + batch);
            }
            return current.equals(state);
        }, timeout, pollMillis);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, HttpHeaders headers, byte[] body) {

        static Response of(int status, HttpHeaders headers, byte[] body) {
            return new Response(status, headers, body);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + text(), e);
            }
        }

        public long createdId() {
            if (status != 201) {
                throw new AssertionError("Expected 201, got " + status + ": " + text());
            }
            return json().get("id").asLong();
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
