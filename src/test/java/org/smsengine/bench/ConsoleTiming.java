package org.smsengine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How long the console's pages of the measured batch take to render on the server (the whole HTML
 * received), the batch of a million messages just completed: its page (counts, first rejects, first
 * messages, audit), a page of messages deep in it (keyset), the batches list, and the outcomes
 * (every message of the batch grouped: the one unbounded read, loaded apart from the page).
 */
final class ConsoleTiming {

    private static final int RUNS = 20;

    private ConsoleTiming() {
    }

    static void measure(EngineProcess engine, long batchId) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((EngineProcess.USER + ":" + EngineProcess.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        System.out.println();
        System.out.println("console, batch " + batchId + " (server time to the last byte, " + RUNS + " runs after one unmeasured):");
        report(http, auth, engine.baseUrl() + "/batches/" + batchId, "batch page", RUNS);
        report(http, auth, engine.baseUrl() + "/batches/" + batchId + "/messages?afterPartition=2&afterId=0",
                "messages deep in the batch (partition 2)", RUNS);
        report(http, auth, engine.baseUrl() + "/", "batches list", RUNS);
        report(http, auth, engine.baseUrl() + "/batches/" + batchId + "/outcomes", "outcomes (loaded after the page)", 3);
    }

    private static void report(HttpClient http, String auth, String url, String what, int runs)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build();
        HttpResponse<byte[]> first = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (first.statusCode() != 200) {
            throw new IllegalStateException(what + ": HTTP " + first.statusCode() + " from " + url);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "  %-42s p50 %6.0f ms, max %6.0f ms (%d KB)%n", what, millis.get(millis.size() / 2),
                millis.get(millis.size() - 1), first.body().length / 1024);
    }
}
