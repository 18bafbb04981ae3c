package org.smsengine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.smsengine.support.ApiClient;

/**
 * Uploads {@code bench.rows} generated recipients (default 1,000,000; a comma list runs several)
 * through the HTTP API to the packaged engine started with {@code -Xmx${bench.heap}} (default 512m),
 * waits for READY, starts the batch and waits for COMPLETED against the SMSC simulator running as
 * its own process, unthrottled, and prints the figures. Then, unless {@code bench.cappedTps} is 0,
 * it delivers a batch sized for {@code bench.cappedSeconds} (default 60) to the simulator capped at
 * {@code bench.cappedTps} (default 500) and prints the rate achieved. Between the two it measures
 * the pause latency ({@link PauseLatency}) over {@code bench.pauses} pauses (default 20), after the
 * time the console's pages of the completed measured batch take ({@link ConsoleTiming}). Run it with
 * {@code ./mvnw -Pbenchmark verify}.
 *
 * <p>Before the capped run, unless {@code bench.consent} is false, the consent run ({@link ConsentRun}):
 * {@code bench.optOuts} numbers (default 1,000,000; 0 for no import) are imported onto the opt-out list
 * through the API, twice, and the rate printed (upload start to DONE, split at the 202); then a batch
 * of as many new recipients as the measured one is delivered to a simulator restarted with
 * {@code stop-reply-rate} {@code bench.stopReplyRate} (default 0.01), while {@code bench.stops} STOPs
 * (default 1,000; 0 for none) are sent by {@code POST /mo} into numbers just ahead of its delivery;
 * its rate is set beside the measured batch's, and the time from each STOP to its number's last
 * submit is printed ({@link StopLatency}). Number ranges never meet: the measured batch's from
 * candidate 0, the warm-up's from 50,000,000, the capped run's from 60,000,000, the pause batch's from
 * 70,000,000, the consent batch's from 80,000,000 and the opt-out list's from 100,000,000
 * ({@link RecipientFile}).
 *
 * <p>Before the measured batch the engine prepares a warm-up batch of {@code bench.warmup} rows
 * (default 200,000; 0 for none), so that the figures are those of a running engine, not of the
 * JIT compiler competing with it for two cores. Before that, {@link History} writes
 * {@code bench.history} recipients of earlier, finished batches (default 5,000,000; 0 for none)
 * into the engine's database and analyzes them: the figures are those of a server after months of
 * use, where a new batch is tiny next to the tables, not of an empty one. Every long phase prints a
 * line at least every 10 s ({@link BatchWatch}).
 *
 * <p>Last, unless {@code bench.limiterSeconds} is 0, the cluster-wide limiter's accuracy ({@link LimiterRun}):
 * two limiters on the real Redis share {@code bench.limiterTps} (default 500) for {@code bench.limiterSeconds}
 * (default 20). {@code -Dbench.limiterOnly=true} runs that alone. {@code -Dbench.nodes=1,2,3} runs only the
 * cluster's scaling ({@link ClusterRun}: rate, CPU per message over the whole run and in a steady window, then
 * the cluster's pause latency over {@code bench.clusterPauses} pauses, default 20, 0 for none).
 * {@code -Dbench.killRows=1000000} runs only the node-loss run ({@link KillRun}): {@code bench.killNodes} nodes
 * (default 3) deliver that batch and node {@code bench.killNode} (default 2; 1 is the manager) gets {@code kill -9}
 * once the simulator has accepted {@code bench.killAt} per cent of it (default 30); PASS when every row is sent
 * and no more numbers went twice than the batch counts in doubt.
 *
 * <p>After the measured runs, unless {@code bench.api} is false, the API's reads under load ({@link ApiRun}: wrk,
 * 50 connections, plain and bcrypt users); {@code -Dbench.apiOnly=true} runs only that.
 */
public final class Benchmark {

    static final String TEMPLATE = "Hi {{name}}, your code is {{code}}. Show it at any store before Sunday."
            + " Reply STOP to opt out.";

    /** Where the warm-up's and the capped run's numbers start: far from the measured batch's, so no number repeats. */
    private static final long WARM_UP_NUMBERS = 50_000_000L;
    private static final long CAPPED_NUMBERS = 60_000_000L;
    private static final long PAUSE_NUMBERS = 70_000_000L;
    private static final int PAUSE_BATCH_ROWS = 300_000;
    /** The consent run's recipients, and the numbers imported onto the opt-out list: in no other batch. */
    static final long CONSENT_NUMBERS = 80_000_000L;
    static final long OPT_OUT_NUMBERS = 100_000_000L;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.fromSystemProperties();
        if (options.limiterOnly()) {
            LimiterRun.print(options);
            return;
        }
        Files.createDirectories(options.workDir());
        try (BenchServices services = BenchServices.start()) {
            EngineDatabase database = new EngineDatabase(services.jdbcUrl());
            EngineDatabase.Server server = database.server();
            System.out.printf(Locale.ROOT, "database: %s; %s%n", server.describe(), services.describe());
            if (!server.autovacuum()) {
                System.out.println("WARNING: autovacuum is OFF on this server; the figures will not be those of a stock PostgreSQL");
            }
            if (ClusterRun.requested()) {
                ClusterRun.print(options, services, database);
                return;
            }
            if (!ApiRun.requested()) {
                for (int rows : options.rowCounts()) {
                    measure(options, services, database, server, rows);
                }
            }
            if (ApiRun.requested() || Boolean.parseBoolean(System.getProperty("bench.api", "true"))) {
                api(options, services, database);
            }
            if (!ApiRun.requested()) {
                LimiterRun.print(options);
            }
        }
    }

    /** An engine and a simulator of their own for a measured batch of {@code rows}, and the runs after it. */
    private static void measure(BenchOptions options, BenchServices services, EngineDatabase database,
            EngineDatabase.Server server, int rows) throws Exception {
        Path workDir = options.workDir();
        Path csv = RecipientFile.create(workDir, rows);
        Path runDir = Files.createDirectories(workDir.resolve("run-" + rows));
        int smscPort = freePort();
        Map<String, String> engineProperties = new java.util.HashMap<>(services.engineProperties());
        engineProperties.putAll(provider(smscPort));
        SimulatorProcess simulator = SimulatorProcess.start(options.jar(), smscPort, freePort(), simulatorSettings(Map.of()),
                runDir.resolve("simulator.log"));
        try (EngineProcess engine = EngineProcess.start(options.jar(), options.heap(), freePort(), engineProperties, runDir)) {
            // the engine's Flyway has made the tables; history is written once, before the first warm-up
            if (options.history() > 0 && database.size(History.CREATED_BY).historyBatches() == 0) {
                History.seed(database, options.history(), options.historyBatches());
            }
            if (options.warmup() > 0) {
                run(engine, database, RecipientFile.create(workDir, options.warmup(), WARM_UP_NUMBERS), services, null, "warm-up");
            }
            String history = history(database.size(History.CREATED_BY));
            SimulatorCount before = simulator.count();
            BatchRun run = run(engine, database, csv, services, null, "measured");
            Report.measured(new Report.Setup(rows, options.heap(), options.warmup(), server, services.describe(), history),
                    run, GcLog.read(runDir.resolve("gc.log")), simulator.count().minus(before));
            ConsoleTiming.measure(engine, run.batchId());
            if (options.pauses() > 0) {
                PauseLatency.measure(engine, database, simulator,
                        RecipientFile.create(workDir, PAUSE_BATCH_ROWS, PAUSE_NUMBERS), options.pauses());
            }
            if (options.consent()) {
                simulator.close();
                simulator = SimulatorProcess.start(options.jar(), smscPort, freePort(),
                        simulatorSettings(Map.of("stop-reply-rate", Double.toString(options.stopReplyRate()))),
                        runDir.resolve("simulator-consent.log"));
                ConsentRun.measure(options, engine, database, services, simulator, run, runDir.resolve("gc.log"));
            }
            if (options.cappedTps() > 0) {
                simulator.close();
                simulator = SimulatorProcess.start(options.jar(), smscPort, freePort(),
                        simulatorSettings(Map.of("max-tps", Integer.toString(options.cappedTps()))),
                        runDir.resolve("simulator-capped.log"));
                capped(options, engine, database, services, simulator);
            }
        } finally {
            simulator.close();
        }
    }

    /** The API's reads under load ({@link ApiRun}), on an engine and a simulator of their own. */
    private static void api(BenchOptions options, BenchServices services, EngineDatabase database) throws Exception {
        Path runDir = Files.createDirectories(options.workDir().resolve("run-api"));
        int smscPort = freePort();
        Map<String, String> engineProperties = new java.util.HashMap<>(services.engineProperties());
        engineProperties.putAll(provider(smscPort));
        engineProperties.putAll(ApiRun.users());
        try (SimulatorProcess simulator = SimulatorProcess.start(options.jar(), smscPort, freePort(), simulatorSettings(Map.of()),
                runDir.resolve("simulator.log"));
             EngineProcess engine = EngineProcess.start(options.jar(), options.heap(), freePort(), engineProperties, runDir)) {
            ApiRun.print(options, engine, database, services);
        }
    }

    /** A batch sized for {@code bench.cappedSeconds} at {@code bench.cappedTps}, to the simulator capped at that rate. */
    private static void capped(BenchOptions options, EngineProcess engine, EngineDatabase database, BenchServices services,
            SimulatorProcess simulator) throws Exception {
        int tps = options.cappedTps();
        Path csv = RecipientFile.create(options.workDir(), tps * options.cappedSeconds(), CAPPED_NUMBERS);
        SimulatorCount before = simulator.count();
        BatchRun run = run(engine, database, csv, services, tps, "capped");
        long busiest = simulator.accounting(run.deliveryStartedAt(), run.completedAt()).get("busiestSecond").asLong();
        Report.capped(tps, run, simulator.count().minus(before), busiest);
    }

    /** The tables the measured batch is uploaded to, as the report states them. */
    private static String history(EngineDatabase.Size size) {
        String tables = String.format(Locale.ROOT, "sms_message held %,d messages of %d earlier batch(es) (%,d MB; database %,d MB)",
                size.messages(), size.batches(), size.messageTableBytes() >> 20, size.databaseBytes() >> 20);
        if (size.historyBatches() == 0) {
            return "none (bench.history=0); " + tables;
        }
        return String.format(Locale.ROOT, "%,d recipients in %d finished batches over 89 days, vacuumed and analyzed; %s",
                size.historyRecipients(), size.historyBatches(), tables);
    }

    /**
     * The engine's providers: the simulator, with no limit of its own (the measured run is unthrottled);
     * {@code bench.sessions} binds in all with {@code bench.window} requests in flight each. With
     * {@code bench.providers} above 1, that many providers share the binds, all bound to the simulator,
     * behind route rules as a real setup has them (a prefix rule by priority, a country rule weighted, the
     * rest least cost) and priced: what routing costs delivery is then measured against one provider.
     */
    private static Map<String, String> provider(int smscPort) {
        int count = Integer.getInteger("bench.providers", 1);
        Map<String, String> properties = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            String p = "sms.providers.definitions[" + i + "].";
            String name = count == 1 ? "bench-smsc" : "bench-smsc-" + (i + 1);
            int sessions = Math.max(1, sessions() / count + (i < sessions() % count ? 1 : 0));
            properties.putAll(Map.of(p + "name", name, p + "type", "SMPP", p + "tps", "1000000",
                    p + "window", System.getProperty("bench.window", "64"), p + "sessions", Integer.toString(sessions),
                    p + "smpp.host", "localhost", p + "smpp.port", Integer.toString(smscPort),
                    p + "smpp.system-id", "engine", p + "smpp.password", "secret"));
            properties.put("sms.routing.prices." + name + ".US", "0.00" + (75 - i * 5));
            properties.put("sms.routing.prices." + name + ".default", "0.05");
        }
        if (count > 1) {
            String west = "sms.routing.routes[0].";
            properties.putAll(Map.of(west + "name", "west-coast", west + "prefixes", "+1415,+1650,+1408",
                    west + "strategy", "PRIORITY", west + "providers[0].name", "bench-smsc-2", west + "providers[1].name", "bench-smsc-1"));
            String us = "sms.routing.routes[1].";
            properties.putAll(Map.of(us + "name", "north-america", us + "countries", "US,CA", us + "strategy", "WEIGHTED"));
            // weighted so that, with the west-coast numbers (one area code in 15) all on the second, each provider
            // carries traffic in proportion to its sessions: the comparison is of routing, not of a busier session
            int[] weights = count == 3 ? new int[] {8, 3, 4} : null;
            for (int i = 0; i < count; i++) {
                properties.put(us + "providers[" + i + "].name", "bench-smsc-" + (i + 1));
                properties.put(us + "providers[" + i + "].weight", Integer.toString(weights == null ? 1 : weights[i]));
            }
            String rest = "sms.routing.routes[2].";
            properties.putAll(Map.of(rest + "name", "rest", rest + "strategy", "LEAST_COST",
                    rest + "providers[0].name", "bench-smsc-1", rest + "providers[1].name", "bench-smsc-2"));
        }
        return properties;
    }

    /** The SMPP sessions the engine binds to the simulator ({@code bench.sessions}). */
    static int sessions() {
        return Integer.getInteger("bench.sessions", 4);
    }

    /** The simulator's settings: receipts 100 ms after each part, and its threads ({@code bench.simulator.*}). */
    static Map<String, String> simulatorSettings(Map<String, String> more) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("receipt-delay", "100ms",
                "pdu-processors", System.getProperty("bench.simulator.pduProcessors", "4"),
                "receipt-threads", System.getProperty("bench.simulator.receiptThreads", "16")));
        settings.putAll(more);
        return settings;
    }

    /** What runs beside a batch's delivery, from its start until it is COMPLETED (closed then). */
    @FunctionalInterface
    interface DuringDelivery {
        AutoCloseable start(long batchId) throws Exception;
    }

    private static BatchRun run(EngineProcess engine, EngineDatabase database, Path csv, BenchServices services, Integer tps,
            String label) throws Exception {
        return run(engine, database, csv, services, tps, label, batchId -> () -> { });
    }

    /**
     * Upload, wait for READY, start, wait for COMPLETED and the receipts; {@code tps} is the batch's own cap, or null;
     * {@code during} runs beside the delivery.
     */
    static BatchRun run(EngineProcess engine, EngineDatabase database, Path csv, BenchServices services, Integer tps,
            String label, DuringDelivery during) throws Exception {
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
        try (AutoCloseable ignored = during.start(batchId)) {
            watch.awaitState("COMPLETED", Duration.ofHours(2));
        }
        double toCompleted = seconds(started);
        long completedAt = System.currentTimeMillis();
        JsonNode receipted = watch.awaitReceipts(Duration.ofMinutes(2));
        return new BatchRun(batchId, uploadSeconds, Files.size(csv), toReady, toCompleted, deliveryStartedAt, completedAt,
                receipted, StepTimes.of(services.jdbcUrl(), "postgres", batchId));
    }

    static long upload(EngineProcess engine, Path csv, Integer tps) throws IOException, InterruptedException {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("name", "benchmark", "template", TEMPLATE, "region", "US"));
        if (tps != null) {
            fields.put("tps", tps.toString());
        }
        HttpResponse<String> response = Multipart.post(engine, "/api/v1/batches", fields, csv);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Upload refused: " + response.statusCode() + " " + response.body());
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("id").asLong();
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
