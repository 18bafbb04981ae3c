package org.smsengine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * The sweep that finds batches in a working state with no job running, as an outage leaves them when it
 * strikes between a state change and its job (the start committed, the job never launched), or when a
 * job could only record that it ended UNKNOWN: each is continued by itself, and completes.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class StalledBatchesIT extends EngineIntegrationTest {

    private final JdbcTemplate jdbc;

    StalledBatchesIT(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void aBatchWhoseStartCommittedButWhoseJobNeverLaunchedIsContinuedAndCompletes() {
        long id = ready(4_470_000, 20);
        // what a start leaves when the database goes away between its commit and the job's launch
        jdbc.update("UPDATE sms_batch SET state = 'DELIVERING', version = version + 1, updated_at = now() - interval '1 minute'"
                + " WHERE id = ?", id);

        JsonNode completed = operator().awaitState(id, "COMPLETED", Duration.ofSeconds(60));

        assertThat(completed.get("counts").get("sent").asInt()).isEqualTo(20);
        assertThat(reasonOf(id, "taken_over")).startsWith("stalled: DELIVERING since").contains("ended STOPPED");
    }

    @Test
    void aJobThatCouldOnlyRecordItEndedUnknownIsEndedAndContinued() {
        long id = ready(4_470_100, 20);
        // its job stopped at the wait for start, and (as if its last write had failed) is left UNKNOWN in the repository
        jdbc.update("UPDATE batch_job_execution SET status = 'UNKNOWN', exit_code = 'UNKNOWN' WHERE job_execution_id ="
                + " (SELECT job_execution_id FROM sms_batch WHERE id = ?)", id);
        jdbc.update("UPDATE sms_batch SET state = 'DELIVERING', version = version + 1, updated_at = now() - interval '1 minute'"
                + " WHERE id = ?", id);

        JsonNode completed = operator().awaitState(id, "COMPLETED", Duration.ofSeconds(60));

        assertThat(completed.get("counts").get("sent").asInt()).isEqualTo(20);
        assertThat(reasonOf(id, "taken_over")).contains("ended UNKNOWN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_execution e JOIN batch_job_execution b"
                + " ON b.job_instance_id = e.job_instance_id JOIN sms_batch s ON s.job_execution_id = b.job_execution_id"
                + " WHERE s.id = ? AND e.status = 'UNKNOWN'", Long.class, id)).isZero();
    }

    private long ready(int first, int count) {
        long id = marketer().uploadCsv(Recipients.csv(first, count),
                Map.of("name", "stalled", "template", "Hi {{name}}", "region", "US")).createdId();
        marketer().awaitState(id, "READY", Duration.ofSeconds(30));
        return id;
    }

    private String reasonOf(long id, String event) {
        for (JsonNode e : operator().get("/api/v1/batches/" + id + "/events").json()) {
            if (e.get("event").asText().equals(event)) {
                return e.get("reason").asText();
            }
        }
        throw new AssertionError("no " + event + " event for batch " + id);
    }
}
