package org.smsengine.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.smsengine.support.ApiClient;

/**
 * The API called with {@code Idempotency-Key} headers, as a client that retries would: every multipart
 * body gets a boundary of its own, as curl and browsers give each try. A body can also be held back
 * and sent a piece at a time ({@link HeldBody}), so that a request is running for as long as a test says.
 */
final class KeyedCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String authorization;

    KeyedCalls(int port, String user) {
        this.base = "http://localhost:" + port;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    Answer postJson(String path, List<String> keys, String json) {
        return send(request(path, keys).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer postJson(String path, String key, String json) {
        return postJson(path, key == null ? List.of() : List.of(key), json);
    }

    Answer patchJson(String path, String key, String json) {
        return send(request(path, List.of(key)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer postMultipart(String path, String key, Multipart body) {
        return send(request(path, List.of(key)).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
    }

    /** A multipart request whose body comes from {@code held} as the test releases it. */
    CompletableFuture<Answer> postHeld(String path, String key, Multipart body, HeldBody held) {
        HttpRequest request = request(path, List.of(key)).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> held)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new Answer(response.statusCode(), response.headers(), response.body()));
    }

    private HttpRequest.Builder request(String path, List<String> keys) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization);
        keys.forEach(key -> builder.header("Idempotency-Key", key));
        return builder;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, HttpHeaders headers, byte[] body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        boolean replayed() {
            return "true".equals(header("Idempotent-Replayed"));
        }

        JsonNode json() {
            return ApiClient.json(text());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + text();
        }
    }

    /** A {@code multipart/form-data} body: the file part first, then the fields in the order given. */
    record Multipart(String boundary, byte[] bytes) {

        static Multipart of(byte[] file, Map<String, String> fields) {
            String boundary = "b-" + UUID.randomUUID();
            ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 1024);
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"recipients.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            fields.forEach((name, value) -> out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + name + "\"\r\n\r\n" + value).getBytes(StandardCharsets.UTF_8)));
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Multipart(boundary, out.toByteArray());
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }
    }

    /** A request body that goes out only as far as the test has released it. */
    static final class HeldBody extends InputStream {

        private static final byte[] END = new byte[0];

        private final BlockingQueue<byte[]> released = new LinkedBlockingQueue<>();
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        void release(byte[] bytes, int from, int to) {
            byte[] piece = new byte[to - from];
            System.arraycopy(bytes, from, piece, 0, piece.length);
            released.add(piece);
        }

        void end() {
            released.add(END);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            while (position == current.length) {
                if (ended) {
                    return -1;
                }
                try {
                    byte[] next = released.take();
                    if (next == END) {
                        ended = true;
                        return -1;
                    }
                    current = next;
                    position = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, buffer, off, n);
            position += n;
            return n;
        }
    }
}
