package org.smsengine.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.SecondEngine;
import org.springframework.test.context.TestConstructor;

/**
 * Fifty clients watching one delivering batch cost one reading of its progress per interval, not
 * fifty: the feed's counter ({@code sms.progress.stream.reads}) grows by about one per second while
 * every stream gets its events.
 *
 * <p>The streams are opened on a second node whose per-user cap is 100. Spreading them over users
 * would not do: the development users who may read batches are four, 40 streams at the default cap
 * of 10. Raising the shared engine's cap would change what {@link ProgressStreamsIT} checks, and the
 * second node's counter counts this test's feeds alone, whatever streams the shared engine still serves.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressWatchersIT extends EngineIntegrationTest {

    private static final int WATCHERS = 50;
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final Duration SETTLED = Duration.ofSeconds(60);

    private final DataSource dataSource;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private SecondEngine watched;
    private int watchedPort;

    ProgressWatchersIT(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @BeforeAll
    void startANodeThatLetsOneUserWatchFiftyTimes() {
        Map<String, Object> properties = new HashMap<>(engineProperties());
        properties.put("sms.progress.max-streams-per-user", 100);
        watched = SecondEngine.start(properties, dataSource);
        watchedPort = watched.port();
    }

    @AfterAll
    void stopTheNode() {
        if (watched != null) {
            watched.close();
        }
    }

    @Test
    void fiftyStreamsOfOneBatchCostOneReadingPerSecondAndAllGetEvents() throws Exception {
        // given a batch delivering for about 30 s (150 messages at 5 per second), watched 50 times
        long id = marketer().uploadCsv(Recipients.csv(3_800_000, 150), Map.of("name", "watched by fifty",
                "template", "Hi {{name}}", "region", "US", "tps", "5")).createdId();
        operator().awaitState(id, "READY", SETTLED);
        assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        operator().awaitState(id, "DELIVERING", SETTLED);
        ProgressStreams streams = watched.bean(ProgressStreams.class);
        MeterRegistry meters = watched.bean(MeterRegistry.class);
        List<Watcher> watchers = new ArrayList<>();
        try {
            for (int i = 0; i < WATCHERS; i++) {
                watchers.add(watch(id));
            }
            assertThat(streams.open()).isEqualTo(WATCHERS);
            assertThat(streams.feeds()).isEqualTo(1);

            // when they watch for a while
            double readsBefore = reads(meters);
            int[] eventsBefore = watchers.stream().mapToInt(watcher -> watcher.events().get()).toArray();
            long started = System.nanoTime();
            Thread.sleep(WINDOW.toMillis());
            double seconds = (System.nanoTime() - started) / 1e9;
            double reads = reads(meters) - readsBefore;

            // then the batch was read about once a second, and every stream got about as many events
            assertThat(reads).as("readings in %.1f s for %d streams", seconds, WATCHERS).isBetween(seconds - 2, seconds + 2);
            assertThat(operator().get("/api/v1/batches/" + id).json().get("state").asText())
                    .as("still delivering at the end of the window").isEqualTo("DELIVERING");
            for (int i = 0; i < WATCHERS; i++) {
                assertThat(watchers.get(i).events().get() - eventsBefore[i]).as("events of stream %d in %.1f s", i, seconds)
                        .isGreaterThanOrEqualTo((int) seconds - 2);
            }
        } finally {
            for (Watcher watcher : watchers) {
                watcher.close();
            }
            operator().postJson("/api/v1/batches/" + id + "/abort", Map.of("reason", "watched long enough"));
        }
    }

    private static double reads(MeterRegistry meters) {
        return meters.get("sms.progress.stream.reads").counter().count();
    }

    /** Opens a stream on the second node and counts its {@code progress} events on a thread of its own. */
    private Watcher watch(long batchId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + watchedPort + "/api/v1/batches/"
                        + batchId + "/progress/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("operator:operator"
                        .getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        AtomicInteger events = new AtomicInteger();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.equals("event:progress")) {
                        events.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                // the test closed the stream: the count stands
            }
        }, "watcher-" + batchId);
        reader.setDaemon(true);
        reader.start();
        return new Watcher(response.body(), events);
    }

    private record Watcher(InputStream body, AtomicInteger events) {

        void close() throws IOException {
            body.close();
        }
    }
}
