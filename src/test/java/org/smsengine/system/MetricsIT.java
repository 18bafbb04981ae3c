package org.smsengine.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;

/**
 * Prometheus scrapes the engine (ADMIN, or a scraper's account with METRICS alone) and finds its
 * metrics moving during a delivery; probes; request ids.
 */
class MetricsIT extends EngineIntegrationTest {

    private static final Duration DONE = Duration.ofSeconds(60);

    @Test
    void aScrapeDuringADeliveryFindsTheEnginesMetricsMoving() throws Exception {
        double sentBefore = sum(scrape("metrics"), "sms_submits_total", "result=\"sent\"");
        long id = marketer().uploadCsv(Recipients.csv(3_700_000, 3_000), Map.of("name", "metrics", "template",
                "Hi {{name}}", "region", "US", "tps", "300")).createdId();
        operator().awaitState(id, "READY", DONE);
        assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("sent").asInt() >= 500, DONE, 50);

        String during = scrape("metrics");
        assertThat(sum(during, "sms_submits_total", "result=\"sent\"")).isGreaterThanOrEqualTo(sentBefore + 500);
        assertThat(during).contains("sms_submit_latency_seconds_bucket{", "sms_rate_limit_wait_seconds_count{", "spring_batch_");
        // the gauges are read every sms.metrics.gauge-interval (1 s in the tests): the first scrape may come
        // before any read of them saw this batch delivering, so scrape again until one did
        long deadline = System.currentTimeMillis() + 20_000;
        String gauges = during;
        while (!gaugesSeeADelivery(gauges) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            gauges = scrape("metrics");
        }
        assertThat(sum(gauges, "sms_batches", "state=\"DELIVERING\"") + sum(gauges, "sms_batches", "state=\"COMPLETED\""))
                .isPositive();
        assertThat(gauges).contains("sms_messages_waiting{");

        operator().awaitState(id, "COMPLETED", DONE);
        operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("delivered").asInt() == 3_000, DONE, 100);
        String after = scrape("admin");
        assertThat(sum(after, "sms_submits_total", "result=\"sent\"")).isGreaterThanOrEqualTo(sentBefore + 3_000);
        assertThat(sum(after, "sms_receipts_total", "status=\"DELIVERED\"")).isGreaterThanOrEqualTo(3_000);
        assertThat(sum(after, "sms_receipt_latency_seconds_count", "")).isGreaterThanOrEqualTo(3_000);
        // Spring Batch's own step durations, of the steps the job definition builds
        for (String step : new String[] {"validation", "partition", "preparation", "delivery", "statistics"}) {
            assertThat(after).as("step " + step).containsPattern("spring_batch_step_seconds_count\\{[^}]*spring_batch_step_name=\"" + step + "\"");
        }

        // every series the provisioned Grafana dashboard draws is one the engine serves
        String dashboard = Files.readString(Path.of("src/main/monitoring/grafana/dashboards/sms-engine.json"));
        Matcher names = Pattern.compile("\\b((?:sms|spring_batch|jvm)_[a-z_]+)").matcher(dashboard);
        while (names.find()) {
            if (names.group(1).endsWith("_name")) {
                continue;   // a label (spring_batch_step_name), not a series
            }
            assertThat(after).as("the dashboard's %s", names.group(1)).contains("\n" + names.group(1));
        }
    }

    @Test
    void onlyAdminAndTheScraperMayScrape() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "marketer").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "operator").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/batches", "metrics").statusCode()).as("the scraper reads nothing else").isEqualTo(403);
        assertThat(get("/actuator/prometheus", "metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void livenessAndReadinessAreUpForAnyone() throws Exception {
        for (String probe : new String[] {"liveness", "readiness"}) {
            HttpResponse<String> response = get("/actuator/health/" + probe, null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"UP\"");
        }
    }

    @Test
    void everyResponseCarriesItsRequestId() throws Exception {
        HttpResponse<String> given = send(HttpRequest.newBuilder(uri("/api/v1/batches")).header("X-Request-Id", "abc-123.x")
                .header("Authorization", ApiClientAuth.basic("operator")).build());
        assertThat(given.headers().firstValue("X-Request-Id")).contains("abc-123.x");
        HttpResponse<String> made = get("/api/v1/batches", "operator");
        assertThat(made.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/v1/batches"))
                .header("X-Request-Id", "bad id\twith <html>").build());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }

    /** Whether the batch gauges were read since a batch delivered: one counted, and its provider has a waiting series. */
    private static boolean gaugesSeeADelivery(String scrape) {
        return sum(scrape, "sms_batches", "state=\"DELIVERING\"") + sum(scrape, "sms_batches", "state=\"COMPLETED\"") > 0
                && scrape.contains("sms_messages_waiting{");
    }

    private String scrape(String user) throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", user);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sum of a metric's samples whose labels contain {@code label} (every sample when it is empty). */
    private static double sum(String scrape, String metric, String label) {
        Matcher lines = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(scrape);
        double sum = 0;
        while (lines.find()) {
            String labels = lines.group(1) == null ? "" : lines.group(1);
            if (labels.contains(label)) {
                sum += Double.parseDouble(lines.group(2));
            }
        }
        return sum;
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (user != null) {
            request.header("Authorization", ApiClientAuth.basic(user));
        }
        return send(request.build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Basic credentials of a development user (its name is its password). */
    private static final class ApiClientAuth {
        static String basic(String user) {
            return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
