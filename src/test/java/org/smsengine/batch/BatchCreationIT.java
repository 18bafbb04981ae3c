package org.smsengine.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smsengine.support.ApiClient;
import org.smsengine.support.Csv;
import org.smsengine.support.EngineIntegrationTest;

/** What a batch keeps of its creation, and the listing of batches. */
class BatchCreationIT extends EngineIntegrationTest {

    private static final byte[] CSV = Csv.lines("name,phone", "Ann,+12015550123", "Bob,+12015550124");

    @Test
    void aBatchWithASendTimeEndsScheduledOncePrepared() {
        OffsetDateTime sendAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(2).withNano(0);
        ApiClient.Response created = marketer().uploadCsv(CSV, Map.of("name", "Monday promo", "template", "Hi {{name}}",
                "sendAt", sendAt.toString(), "senderId", "SHOP", "tps", "50"));

        JsonNode batch = marketer().awaitState(created.createdId(), "SCHEDULED", Duration.ofSeconds(20));

        assertThat(OffsetDateTime.parse(batch.get("sendAt").asText()).toInstant()).isEqualTo(sendAt.toInstant());
        assertThat(batch.get("senderId").asText()).isEqualTo("SHOP");
        assertThat(batch.get("tps").asInt()).isEqualTo(50);
        assertThat(batch.get("region").asText()).isEqualTo("US");
        assertThat(batch.get("createdBy").asText()).isEqualTo("marketer");
        assertThat(batch.get("counts").get("prepared").asInt()).isEqualTo(2);
    }

    @Test
    void aBatchWithoutASendTimeEndsReady() {
        long id = marketer().uploadCsv(CSV, Map.of("name", "now", "template", "Hi {{name}}")).createdId();
        assertThat(marketer().awaitState(id, "READY", Duration.ofSeconds(20)).get("sendAt").isNull()).isTrue();
    }

    @Test
    void listsBatchesNewestFirstByStateAndPage() {
        long older = marketer().uploadCsv(CSV, Map.of("name", "older", "template", "Hi")).createdId();
        long newer = marketer().uploadCsv(CSV, Map.of("name", "newer", "template", "Hi")).createdId();
        marketer().awaitState(older, "READY", Duration.ofSeconds(20));
        marketer().awaitState(newer, "READY", Duration.ofSeconds(20));

        JsonNode page = operator().get("/api/v1/batches?state=READY&page=0&size=2").json();

        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(newer);
        assertThat(page.get("items").get(1).get("id").asLong()).isEqualTo(older);
        page.get("items").forEach(batch -> assertThat(batch.get("state").asText()).isEqualTo("READY"));
    }
}
