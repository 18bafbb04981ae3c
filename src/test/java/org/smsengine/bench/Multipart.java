package org.smsengine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} POST of form fields and one CSV file to the engine, as a browser
 * sends it: the file streamed from disk, never held in the benchmark's memory.
 */
final class Multipart {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Multipart() {
    }

    static HttpResponse<String> post(EngineProcess engine, String path, Map<String, String> fields, Path file)
            throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) ->
                head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                        .append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(file.getFileName()).append("\"\r\nContent-Type: text/csv\r\n\r\n");
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(engine.baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (EngineProcess.USER + ":" + EngineProcess.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head.toString()),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString(tail)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
