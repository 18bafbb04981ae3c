package org.smsengine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.smsengine.support.ApiClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code bench.api}: the API's reads under load, as a notification platform's clients load it. An
 * engine with {@code bench.apiBatches} batches (default 20) of {@code bench.apiRows} recipients each
 * (default 5,000), the last {@code bench.apiDelivered} of them (default 2) delivered; then {@code wrk}
 * (Debian's package) with {@code bench.apiConnections} connections (default 50) on 2 threads asks for
 * one delivered batch ({@code GET /api/v1/batches/{id}}) and for the batch list ({@code GET
 * /api/v1/batches}), each for {@code bench.apiSeconds} (default 20) after an unmeasured 5 s, as a
 * user whose password is stored in plain text and as one whose password is stored as bcrypt (as
 * production does): p50, p95, p99, requests a second and the engine's CPU time per request (from /proc:
 * the one figure the load of other processes on the machine moves little), each p99 held to 200 ms. Every request
 * carries its HTTP Basic credentials, as a program's do. {@code -Dbench.apiOnly=true} runs this alone.
 */
final class ApiRun {

    static final double P99_TARGET_MS = 200;
    private static final String PLAIN = "api-plain";
    private static final String BCRYPT = "api-bcrypt";
    private static final String PASSWORD = "api-reader-password";
    private static final int WARM_UP_SECONDS = 5;
    /** wrk's summary, in microseconds, written by its done() hook. */
    private static final String SCRIPT = """
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(95), latency:percentile(99),
                e.connect + e.read + e.write + e.timeout, e.status))
            end
            """;

    private ApiRun() {
    }

    static boolean requested() {
        return Boolean.getBoolean("bench.apiOnly");
    }

    /** The readers, beside the benchmark's own user (the list is replaced whole, so it is named again). */
    static Map<String, String> users() {
        Map<String, String> users = new HashMap<>();
        String[][] accounts = {
                {EngineProcess.USER, "{noop}" + EngineProcess.PASSWORD, "ADMIN"},
                {PLAIN, "{noop}" + PASSWORD, "OPERATOR"},
                {BCRYPT, "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD), "OPERATOR"}};
        for (int i = 0; i < accounts.length; i++) {
            users.put("sms.security.users[" + i + "].name", accounts[i][0]);
            users.put("sms.security.users[" + i + "].password", accounts[i][1]);
            users.put("sms.security.users[" + i + "].roles", accounts[i][2]);
        }
        return users;
    }

    static void print(BenchOptions options, EngineProcess engine, EngineDatabase database, BenchServices services)
            throws Exception {
        int batches = Integer.getInteger("bench.apiBatches", 20);
        int rows = Integer.getInteger("bench.apiRows", 5_000);
        int delivered = Integer.getInteger("bench.apiDelivered", 2);
        int connections = Integer.getInteger("bench.apiConnections", 50);
        int seconds = Integer.getInteger("bench.apiSeconds", 20);
        long measured = prepare(options, engine, database, services, batches, rows, delivered);
        Path script = Files.writeString(options.workDir().resolve("api-summary.lua"), SCRIPT);

        System.out.printf(Locale.ROOT, "%n=== API reads: wrk, %d connections, 2 threads, %d s each after %d s unmeasured;"
                + " %d batches of %,d recipients, batch %d delivered ===%n", connections, seconds, WARM_UP_SECONDS, batches,
                rows, measured);
        List<String[]> endpoints = List.of(new String[] {"GET /api/v1/batches/{id}", "/api/v1/batches/" + measured},
                new String[] {"GET /api/v1/batches", "/api/v1/batches"});
        for (String user : List.of(PLAIN, BCRYPT)) {
            for (String[] endpoint : endpoints) {
                String url = engine.baseUrl() + endpoint[1];
                wrk(script, url, user, connections, WARM_UP_SECONDS);
                long cpuBefore = engine.cpuMillis();
                Result result = wrk(script, url, user, connections, seconds);
                double cpuPerRequest = (engine.cpuMillis() - cpuBefore) / (double) Math.max(1, result.requests());
                if (result.requests() == 0) {
                    System.out.printf(Locale.ROOT, "  %-26s %-7s no request answered within wrk's 10 s (%d errors)  MISS%n",
                            endpoint[0], user.equals(PLAIN) ? "plain" : "bcrypt", result.errors());
                    continue;
                }
                System.out.printf(Locale.ROOT, "  %-26s %-7s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  %,7.0f req/s"
                        + "  engine CPU %.2f ms/request%s  %s (p99 <= %.0f ms)%n", endpoint[0], user.equals(PLAIN) ? "plain" : "bcrypt",
                        result.p50Ms(), result.p95Ms(), result.p99Ms(), result.perSecond(), cpuPerRequest,
                        result.errors() + result.non2xx() == 0 ? "" : String.format(Locale.ROOT, "  %d errors, %d non-2xx",
                                result.errors(), result.non2xx()),
                        result.passes() ? "PASS" : "MISS", P99_TARGET_MS);
            }
        }
    }

    /** The batches the reads find; returns the delivered one that is measured. */
    private static long prepare(BenchOptions options, EngineProcess engine, EngineDatabase database, BenchServices services,
            int batches, int rows, int delivered) throws Exception {
        Path csv = RecipientFile.create(options.workDir(), rows);
        ApiClient api = new ApiClient(engine.baseUrl(), EngineProcess.USER, EngineProcess.PASSWORD);
        long last = 0;
        for (int i = 0; i < batches; i++) {
            long id = Benchmark.upload(engine, csv, null);
            new BatchWatch(api, database, id, "api batch " + id).awaitState("READY", Duration.ofMinutes(10));
            if (i >= batches - delivered) {
                ApiClient.Response start = api.postJson("/api/v1/batches/" + id + "/start", Map.of());
                if (start.status() != 202) {
                    throw new IllegalStateException("Start refused: " + start.status() + " " + start.text());
                }
                new BatchWatch(api, database, id, "api batch " + id).awaitState("COMPLETED", Duration.ofMinutes(10));
                last = id;
            }
        }
        return last;
    }

    record Result(long requests, long micros, double p50Ms, double p95Ms, double p99Ms, long errors, long non2xx) {

        double perSecond() {
            return requests / (micros / 1e6);
        }

        /** Every request answered 2xx in time, and the 99th percentile within the target. */
        boolean passes() {
            return requests > 0 && errors == 0 && non2xx == 0 && p99Ms <= P99_TARGET_MS;
        }
    }

    private static Result wrk(Path script, String url, String user, int connections, int seconds)
            throws IOException, InterruptedException {
        String auth = "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), "-H", auth, url));
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed (is Debian's wrk installed? apt-get install -y wrk): " + output);
        }
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No summary from wrk: " + output));
        String[] f = line.split(" ");
        return new Result(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]) / 1e3, Long.parseLong(f[4]) / 1e3,
                Long.parseLong(f[5]) / 1e3, Long.parseLong(f[6]), Long.parseLong(f[7]));
    }
}
