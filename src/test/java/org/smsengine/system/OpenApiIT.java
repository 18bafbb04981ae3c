package org.smsengine.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.smsengine.support.EngineIntegrationTest;

/** The OpenAPI document tells a reader what the engine does today, not what it did once. */
class OpenApiIT extends EngineIntegrationTest {

    @Test
    void theDocumentDescribesDeliveryNotOnlyPreparation() {
        JsonNode document = anonymous().get("/v3/api-docs").json();
        String description = document.get("info").get("description").asText();
        assertThat(description).contains("delivers it over SMPP", "receipts", "pause", "COMPLETED");
        assertThat(document.get("paths").has("/api/v1/batches/{id}/report")).isTrue();
        assertThat(document.get("paths").has("/api/v1/batches/{id}/test-send")).isTrue();
        // the console's pages are for people: not operations of the API
        assertThat(document.get("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"));
    }
}
