package org.smsengine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * {@code GET /api/v1/cluster/nodes} on a node without a broker: the partitions it runs are its own
 * batches' (nothing is claimed), counted while it delivers one and gone once the batch is aborted.
 * ClusterIT checks the claimed ones, over a broker.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class NodesViewIT extends EngineIntegrationTest {

    private static final Duration DONE = Duration.ofSeconds(60);

    private final JdbcTemplate jdbc;

    NodesViewIT(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void aNodeWithoutABrokerCountsThePartitionsOfTheBatchItDelivers() {
        long id = marketer().uploadCsv(Recipients.csv(3_996_000, 2_000), Map.of("name", "nodes view", "template", "Hi {{name}}",
                "region", "US", "tps", "100")).createdId();
        operator().awaitState(id, "READY", DONE);
        assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        operator().awaitState(id, "DELIVERING", DONE);
        String node = jdbc.queryForObject("SELECT job_node FROM sms_batch WHERE id = ?", String.class, id);

        JsonNode delivering = operator().await("/api/v1/cluster/nodes", all -> partitionsOf(all, node) >= 1, DONE, 100);
        JsonNode self = entry(delivering, node);
        assertThat(self.get("alive").asBoolean()).isTrue();
        assertThat(self.get("broker").asText()).isEqualTo("none");
        Integer partitions = jdbc.queryForObject("SELECT count(*)::int FROM sms_partition WHERE batch_id = ?", Integer.class, id);
        assertThat(partitionsOf(delivering, node)).isBetween(1, partitions);

        assertThat(operator().postJson("/api/v1/batches/" + id + "/abort", Map.of()).status()).isEqualTo(202);
        operator().awaitState(id, "ABORTED", DONE);
        operator().await("/api/v1/cluster/nodes", all -> partitionsOf(all, node) == 0, DONE, 100);
    }

    private static int partitionsOf(JsonNode nodes, String node) {
        JsonNode entry = entry(nodes, node);
        return entry == null ? -1 : entry.get("partitionsRunning").asInt();
    }

    private static JsonNode entry(JsonNode nodes, String node) {
        return StreamSupport.stream(nodes.spliterator(), false).filter(n -> n.get("node").asText().equals(node))
                .findFirst().orElse(null);
    }
}
