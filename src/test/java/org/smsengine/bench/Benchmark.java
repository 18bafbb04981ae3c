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
 * waits for READY, starts the batch and waits for COMPLETED against the SMSC simulator running as
 * its own process, unthrottled, and prints the figures. Then, unless {@code bench.cappedTps} is 0,
 * it delivers a batch sized for {@code bench.cappedSeconds} (default 60) to the simulator capped at
 * {@code bench.cappedTps} (default 500) and prints the rate achieved. Between the two it measures
 * the pause latency ({@link PauseLatency}) over {@code bench.pauses} pauses (default 20). Run it with
 * {@code ./mvnw -Pbenchmark verify}.
 *
 * <p>Before the measured batch the engine prepares a warm-up batch of {@code bench.warmup} rows
 * (default 200,000; 0 for none), so that the figures are those of a running engine, not of the
 * JIT compiler competing with it for two cores. Every long phase prints a line at least every
 * 10 s ({@link BatchWatch}).
 */
public final class Benchmark {

    private static final String TEMPLATE = "Hi {{name}}, your code is {{code}}. Show it at any store before Sunday."
            + " Reply STOP to opt out.";

    /** Where the warm-up's and the capped run's numbers start: far from the measured batch's, so no number repeats. */
    private static final long WARM_UP_NUMBERS = 50_000_000L;
    private static final long CAPPED_NUMBERS = 60_000_000L;
    private static final long PAUSE_NUMBERS = 70_000_000L;
    private static final int PAUSE_BATCH_ROWS = 300_000;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] rowCounts = Arrays.stream(System.getProperty("bench.rows", "1000000").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        String heap = System.getProperty("bench.heap", "512m");
        int warmup = Integer.getInteger("bench.warmup", 200_000);
        int cappedTps = Integer.getInteger("bench.cappedTps", 500);
        int cappedSeconds = Integer.getInteger("bench.cappedSeconds", 60);
        int pauses = Integer.getInteger("bench.pauses", 20);
        Path workDir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        Path jar = Path.of(System.getProperty("bench.jar", "target/sms-engine.jar")).toAbsolutePath();
        Files.createDirectories(workDir);
        try (BenchServices services = BenchServices.start()) {
            EngineDatabase database = new EngineDatabase(services.jdbcUrl());
            for (int rows : rowCounts) {
                Path csv = RecipientFile.create(workDir, rows);
                Path runDir = Files.createDirectories(workDir.resolve("run-" + rows));
                int smscPort = freePort();
                Map<String, String> engineProperties = new java.util.HashMap<>(services.engineProperties());
                engineProperties.putAll(provider(smscPort));
                SimulatorProcess simulator = SimulatorProcess.start(jar, smscPort, freePort(), simulatorSettings(Map.of()),
                        runDir.resolve("simulator.log"));
                try (EngineProcess engine = EngineProcess.start(jar, heap, freePort(), engineProperties, runDir)) {
                    if (warmup > 0) {
                        run(engine, database, RecipientFile.create(workDir, warmup, WARM_UP_NUMBERS), services, null, "warm-up");
                    }
                    Run run = run(engine, database, csv, services, null, "measured");
                    report(rows, heap, warmup, run, GcLog.read(runDir.resolve("gc.log")), simulator.accounting(null, null));
                    if (pauses > 0) {
                        PauseLatency.measure(engine, database, simulator,
                                RecipientFile.create(workDir, PAUSE_BATCH_ROWS, PAUSE_NUMBERS), pauses);
                    }
                    if (cappedTps > 0) {
                        simulator.close();
                        simulator = SimulatorProcess.start(jar, smscPort, freePort(),
                                simulatorSettings(Map.of("max-tps", Integer.toString(cappedTps))),
                                runDir.resolve("simulator-capped.log"));
                        Path cappedCsv = RecipientFile.create(workDir, cappedTps * cappedSeconds, CAPPED_NUMBERS);
                        Run capped = run(engine, database, cappedCsv, services, cappedTps, "capped");
                        reportCapped(cappedTps, capped, simulator.accounting(capped.deliveryStartedAt(), capped.completedAt()));
                    }
                } finally {
                    simulator.close();
                }
            }
        }
    }

    /**
     * The engine's provider: the simulator, with no limit of its own (the measured run is
     * unthrottled); {@code bench.sessions} binds with {@code bench.window} requests in flight each.
     */
    private static Map<String, String> provider(int smscPort) {
        String p = "sms.providers.definitions[0].";
        return Map.of(p + "name", "bench-smsc", p + "type", "SMPP", p + "tps", "1000000",
                p + "window", System.getProperty("bench.window", "64"), p + "sessions", System.getProperty("bench.sessions", "4"),
                p + "smpp.host", "localhost", p + "smpp.port", Integer.toString(smscPort),
                p + "smpp.system-id", "engine", p + "smpp.password", "secret");
    }

    /** The simulator's settings: receipts 100 ms after each part, and its threads ({@code bench.simulator.*}). */
    private static Map<String, String> simulatorSettings(Map<String, String> more) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("receipt-delay", "100ms",
                "pdu-processors", System.getProperty("bench.simulator.pduProcessors", "4"),
                "receipt-threads", System.getProperty("bench.simulator.receiptThreads", "16")));
        settings.putAll(more);
        return settings;
    }

    private record Run(long batchId, double uploadSeconds, long uploadBytes, double toReadySeconds,
            double toCompletedSeconds, long deliveryStartedAt, long completedAt, JsonNode batch,
            Map<String, StepTimes.Step> steps) {
    }

    /** Upload, wait for READY, start, wait for COMPLETED and the receipts; {@code tps} is the batch's own cap, or null. */
    private static Run run(EngineProcess engine, EngineDatabase database, Path csv, BenchServices services, Integer tps,
            String label) throws Exception {
        long started = System.nanoTime();
        long batchId = upload(engine, csv, tps);
        double uploadSeconds = seconds(started);
        ApiClient api = new ApiClient(engine.baseUrl(), EngineProcess.USER, EngineProcess.PASSWORD);
        BatchWatch watch = new BatchWatch(api, database, batchId, label + " batch " + batchId);
        watch.awaitState("READY", Duration.ofHours(1));
        double toReady = seconds(started);
        long deliveryStartedAt = System.currentTimeMillis();
        ApiClient.Response start = api.postJson("/api/v1/batches/" + batchId + "/start", Map.of());
        if (start.status() != 202) {
            throw new IllegalStateException("Start refused: " + start);
        }
        watch.awaitState("COMPLETED", Duration.ofHours(2));
        double toCompleted = seconds(started);
        long completedAt = System.currentTimeMillis();
        JsonNode receipted = watch.awaitReceipts(Duration.ofMinutes(2));
        return new Run(batchId, uploadSeconds, Files.size(csv), toReady, toCompleted, deliveryStartedAt, completedAt,
                receipted, StepTimes.of(services.jdbcUrl(), "postgres", batchId));
    }

    static long upload(EngineProcess engine, Path csv, Integer tps) throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        Map<String, String> fields = new java.util.HashMap<>(Map.of("name", "benchmark", "template", TEMPLATE, "region", "US"));
        if (tps != null) {
            fields.put("tps", tps.toString());
        }
        fields.forEach((name, value) ->
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

    private static void report(int rows, String heap, int warmup, Run run, GcLog gc, JsonNode smsc) {
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
        StepTimes.Step delivery = run.steps().get("delivery");
        System.out.printf(Locale.ROOT, "delivery            %8.1f s   %,10.0f msg/s (unthrottled simulator, receipts on)%n",
                secondsOf(delivery), rows / secondsOf(delivery));
        System.out.printf(Locale.ROOT, "statistics          %8.1f s%n", secondsOf(run.steps().get("statistics")));
        System.out.printf(Locale.ROOT, "upload to COMPLETED %8.1f s%n", run.toCompletedSeconds());
        JsonNode c = run.batch().get("counts");
        System.out.printf(Locale.ROOT, "delivery counts     sent %,d, delivered %,d, failed %,d; the simulator accepted %,d"
                + " submit_sm, %,d numbers got more than one%n", c.get("sent").asLong(), c.get("delivered").asLong(),
                c.get("failed").asLong(), smsc.get("accepted").asLong(), smsc.get("destinationsWithMoreThanOne").asLong());
        System.out.printf(Locale.ROOT, "peak heap           %8d MB used before a GC, %d MB live after one (limit %d MB, %d pauses)%n",
                gc.peakUsedMb(), gc.peakAfterGcMb(), gc.heapMb(), gc.pauses());
        System.out.printf(Locale.ROOT, "counts              rows %,d, valid %,d, prepared %,d, segments %,d: %s%n",
                counts.get("rows").asLong(), counts.get("valid").asLong(), counts.get("prepared").asLong(),
                run.batch().get("segments").asLong(), exact ? "exact" : "NOT EXACT");
    }

    private static void reportCapped(int tps, Run run, JsonNode smsc) {
        StepTimes.Step delivery = run.steps().get("delivery");
        long sent = run.batch().get("counts").get("sent").asLong();
        double rate = sent / secondsOf(delivery);
        System.out.printf(Locale.ROOT, "%n=== capped: %,d messages to the simulator capped at %d TPS (batch tps %d) ===%n",
                sent, tps, tps);
        System.out.printf(Locale.ROOT, "delivery            %8.1f s   %8.1f msg/s achieved (%+.1f%% of %d); busiest second %d;"
                + " refused by the cap %d%n", secondsOf(delivery), rate, 100.0 * (rate - tps) / tps, tps,
                smsc.get("busiestSecond").asLong(), smsc.get("refused").asLong());
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
