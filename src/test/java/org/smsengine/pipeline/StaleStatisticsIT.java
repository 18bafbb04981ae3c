package org.smsengine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * What autovacuum does behind the engine's back: once the tables have been analyzed with a big
 * batch in them, a new batch that is small next to them is estimated at one row. Screening and
 * preparation must still take seconds, not minutes (planned as nested loops over the batch, 30,000
 * rows took three minutes). A functional bound, not a performance target.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class StaleStatisticsIT extends EngineIntegrationTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(60);

    private final JdbcTemplate jdbc;

    StaleStatisticsIT(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void aSmallBatchAfterABigOneAndAnAnalyzeIsScreenedAndPreparedPromptly() {
        long big = upload(withRepeats(4_000_000, 60_000, 10), "big");
        marketer().awaitState(big, "READY", Duration.ofMinutes(3), 200);
        jdbc.execute("ANALYZE sms_recipient, sms_message, sms_reject, sms_partition, sms_upload_chunk");

        long started = System.nanoTime();
        long small = upload(withRepeats(4_200_000, 30_000, 5), "small");
        JsonNode ready = marketer().awaitState(small, "READY", PROMPTLY, 100);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        JsonNode counts = ready.get("counts");
        assertThat(counts.get("rows").asLong()).isEqualTo(30_000);
        assertThat(counts.get("duplicates").asLong()).as("every fifth row repeats an earlier number").isEqualTo(6_000);
        assertThat(counts.get("prepared").asLong()).isEqualTo(24_000);
        assertThat(seconds).as("seconds from upload to READY").isLessThan(PROMPTLY.toSeconds());
    }

    private long upload(byte[] csv, String name) {
        return marketer().uploadCsv(csv, Map.of("name", name, "template", "Hi {{name}}", "region", "US")).createdId();
    }

    /** {@code count} rows from {@code first} on, every {@code every}-th repeating the number of the row before it. */
    private static byte[] withRepeats(int first, int count, int every) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 32);
        out.writeBytes("name,phone\r\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < count; i++) {
            int number = first + (i % every == every - 1 ? i - 1 : i);
            out.writeBytes(("Customer " + i + "," + Recipients.phone(number) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
