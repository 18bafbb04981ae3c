package org.smsengine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.smsengine.support.ApiClient;

/**
 * Uploads {@code bench.rows} generated recipients (default 1,000,000; a comma list runs several)
 * through the HTTP API to the packaged engine started with {@code -Xmx${bench.heap}} (default 512m),
 * waits for READY and prints the figures. Run it with {@code ./mvnw -Pbenchmark verify}.
 *
 * <p>Before the measured batch the engine prepares a warm-up batch of {@code bench.warmup} rows
 * (default 200,000; 0 for none), so that the figures are those of a running engine, not of the
 * JIT compiler competing with it for two cores.
 */
public final class Benchmark {

    private static final String TEMPLATE = "Hi {{name}}, your code is {{code}}. Show it at any store before Sunday."
            + " Reply STOP to opt out.";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] rowCounts = Arrays.stream(System.getProperty("bench.rows", "1000000").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        String heap = System.getProperty("bench.heap", "512m");
        int warmup = Integer.getInteger("bench.warmup", 200_000);
        Path workDir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        Path jar = Path.of(System.getProperty("bench.jar", "target/sms-engine.jar")).toAbsolutePath();
        Files.createDirectories(workDir);
        try (BenchServices services = BenchServices.start()) {
            for (int rows : rowCounts) {
                Path csv = RecipientFile.create(workDir, rows);
                Path runDir = Files.createDirectories(workDir.resolve("run-" + rows));
                try (EngineProcess engine = EngineProcess.start(jar, heap, freePort(), services.engineProperties(), runDir)) {
                    if (warmup > 0) {
                        run(engine, RecipientFile.create(workDir, warmup), services);
                    }
                    report(rows, heap, warmup, run(engine, csv, services), GcLog.read(runDir.resolve("gc.log")));
                }
            }
        }
    }

    private record Run(long batchId, double uploadSeconds, long uploadBytes, double toReadySeconds, JsonNode batch,
            Map<String, StepTimes.Step> steps) {
    }

    private static Run run(EngineProcess engine, Path csv, BenchServices services) throws Exception {
        long started = System.nanoTime();
        long batchId = upload(engine, csv);
        double uploadSeconds = seconds(started);
        ApiClient api = new ApiClient(engine.baseUrl(), EngineProcess.USER, EngineProcess.PASSWORD);
        JsonNode batch = api.awaitState(batchId, "READY", Duration.ofHours(1));
        double toReady = seconds(started);
        return new Run(batchId, uploadSeconds, Files.size(csv), toReady, batch,
                StepTimes.of(services.jdbcUrl(), "postgres", batchId));
    }

    private static long upload(EngineProcess engine, Path csv) throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        Map.of("name", "benchmark", "template", TEMPLATE, "region", "US").forEach((name, value) ->
                head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                        .append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(csv.getFileName()).append("\"\r\nContent-Type: text/csv\r\n\r\n");
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/api/v1/batches"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (EngineProcess.USER + ":" + EngineProcess.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head.toString()),
                        HttpRequest.BodyPublishers.ofFile(csv),
                        HttpRequest.BodyPublishers.ofString(tail)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Upload refused: " + response.statusCode() + " " + response.body());
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("id").asLong();
    }

    private static void report(int rows, String heap, int warmup, Run run, GcLog gc) {
        JsonNode counts = run.batch().get("counts");
        boolean exact = counts.get("rows").asLong() == rows && counts.get("valid").asLong() == rows
                && counts.get("prepared").asLong() == rows;
        StepTimes.Step validation = run.steps().get("validation");
        StepTimes.Step partition = run.steps().get("partition");
        StepTimes.Step preparation = run.steps().get("preparation");
        System.out.printf(Locale.ROOT, "%n=== sms-engine benchmark: %,d recipients, heap %s, batch %d (after a %,d-row warm-up) ===%n",
                rows, heap, run.batchId(), warmup);
        System.out.printf(Locale.ROOT, "upload              %8.1f s   (%,d bytes, %.1f MB/s)%n", run.uploadSeconds(),
                run.uploadBytes(), run.uploadBytes() / 1e6 / run.uploadSeconds());
        System.out.printf(Locale.ROOT, "validation          %8.1f s   %,10.0f rows/s%n", secondsOf(validation),
                rows / secondsOf(validation));
        System.out.printf(Locale.ROOT, "  rows checked      %8.1f s%n", secondsOf(run.steps().get("validation-rows")));
        System.out.printf(Locale.ROOT, "  screening         %8.1f s   (opt-outs and duplicates)%n",
                secondsOf(run.steps().get("validation-screening")));
        System.out.printf(Locale.ROOT, "partition           %8.1f s%n", secondsOf(partition));
        System.out.printf(Locale.ROOT, "preparation         %8.1f s   %,10.0f rows/s%n", secondsOf(preparation),
                rows / secondsOf(preparation));
        System.out.printf(Locale.ROOT, "upload to READY     %8.1f s%n", run.toReadySeconds());
        System.out.printf(Locale.ROOT, "peak heap           %8d MB used before a GC, %d MB live after one (limit %d MB, %d pauses)%n",
                gc.peakUsedMb(), gc.peakAfterGcMb(), gc.heapMb(), gc.pauses());
        System.out.printf(Locale.ROOT, "counts              rows %,d, valid %,d, prepared %,d, segments %,d: %s%n",
                counts.get("rows").asLong(), counts.get("valid").asLong(), counts.get("prepared").asLong(),
                run.batch().get("segments").asLong(), exact ? "exact" : "NOT EXACT");
    }

    private static double secondsOf(StepTimes.Step step) {
        return step == null ? Double.NaN : Math.max(step.duration().toMillis(), 1) / 1000.0;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
