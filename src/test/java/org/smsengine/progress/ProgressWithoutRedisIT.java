package org.smsengine.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smsengine.SampleData;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.TcpProxy;
import org.smsengine.support.TestServices;

/**
 * Redis is a fast view: when it cannot be reached the pipeline goes on, progress is served from
 * PostgreSQL, and once Redis is back it shows the database's counts again.
 */
class ProgressWithoutRedisIT extends EngineIntegrationTest {

    private static final TcpProxy REDIS = TestServices.redisProxy();

    @AfterEach
    void restoreRedis() {
        REDIS.restore();
    }

    @Test
    void aBatchIsPreparedWhileRedisIsDownAndProgressComesFromTheDatabase() {
        REDIS.cut();
        long id = marketer().uploadCsv(SampleData.csv(), Map.of("name", "no redis",
                "template", "Hi {{name}}", "region", "CN")).createdId();

        JsonNode batch = marketer().awaitState(id, "READY", Duration.ofSeconds(30));
        assertThat(batch.get("counts").get("prepared").asInt()).isEqualTo(182);

        JsonNode progress = progress(id);
        assertThat(progress.get("source").asText()).isEqualTo("database");
        assertThat(progress.get("state").asText()).isEqualTo("READY");
        assertThat(progress.get("processed").asInt()).isEqualTo(182);
    }

    @Test
    void redisCatchesUpWithTheDatabaseWhenItIsBack() {
        long id = marketer().uploadCsv(Recipients.csv(30_000), Map.of("name", "redis drops mid-run",
                "template", "Hi {{name}}")).createdId();
        marketer().await(progressPath(id), p -> p.get("processed").asLong() > 0, Duration.ofSeconds(30));
        REDIS.cut();

        JsonNode batch = marketer().awaitState(id, "READY", Duration.ofSeconds(60));
        assertThat(progress(id).get("source").asText()).isEqualTo("database");

        REDIS.restore();
        JsonNode fromRedis = marketer().await(progressPath(id), p -> p.get("source").asText().equals("redis"),
                Duration.ofSeconds(20));
        assertThat(fromRedis.get("state").asText()).isEqualTo("READY");
        assertThat(fromRedis.get("counts").get("valid").asLong()).isEqualTo(batch.get("counts").get("valid").asLong());
        assertThat(fromRedis.get("processed").asLong()).isEqualTo(30_000);
    }

    private JsonNode progress(long id) {
        ApiClient.Response response = operator().get(progressPath(id));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static String progressPath(long id) {
        return "/api/v1/batches/" + id + "/progress";
    }
}
