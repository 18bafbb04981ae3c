package org.smsengine.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.springframework.test.context.TestConstructor;

/**
 * Progress streams are a shared, bounded resource: one reading of a batch's progress per interval
 * serves every client watching it, and a user (or the node) can hold only so many open (429
 * beyond), which come back as clients go.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ProgressStreamsIT extends EngineIntegrationTest {

    private final ProgressStreams streams;
    private final ProgressSettings settings;
    private final HttpClient http = HttpClient.newHttpClient();

    ProgressStreamsIT(ProgressStreams streams, ProgressSettings settings) {
        this.streams = streams;
        this.settings = settings;
    }

    @Test
    void aUserHoldsAtMostTheCapOfStreamsAndEveryStreamOfABatchSharesOneReading() throws Exception {
        long id = marketer().uploadCsv(Recipients.csv(4_456_000, 5),
                Map.of("name", "watched", "template", "Hi {{name}}", "region", "US")).createdId();
        marketer().awaitState(id, "READY", Duration.ofSeconds(30));
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (int i = 0; i < settings.maxStreamsPerUser(); i++) {
                HttpResponse<InputStream> stream = stream(id, "marketer");
                assertThat(stream.statusCode()).isEqualTo(200);
                open.add(stream);
            }
            HttpResponse<InputStream> oneMore = stream(id, "marketer");
            assertThat(oneMore.statusCode()).isEqualTo(429);
            assertThat(new String(oneMore.body().readAllBytes(), StandardCharsets.UTF_8)).contains("max-streams-per-user");

            HttpResponse<InputStream> anotherUser = stream(id, "operator");
            assertThat(anotherUser.statusCode()).isEqualTo(200);
            open.add(anotherUser);
            assertThat(streams.open()).isEqualTo(settings.maxStreamsPerUser() + 1);
            assertThat(streams.feeds()).as("readings of progress for one batch watched by many").isEqualTo(1);
        } finally {
            for (HttpResponse<InputStream> stream : open) {
                stream.body().close();
            }
        }
        // a client that has gone is noticed at the next event, and its slot comes back
        long deadline = System.currentTimeMillis() + 10_000;
        while (streams.open() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(streams.open()).isZero();
        assertThat(streams.feeds()).isZero();
        HttpResponse<InputStream> again = stream(id, "marketer");
        assertThat(again.statusCode()).isEqualTo(200);
        again.body().close();
    }

    private HttpResponse<InputStream> stream(long batchId, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/batches/" + batchId
                        + "/progress/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }
}
