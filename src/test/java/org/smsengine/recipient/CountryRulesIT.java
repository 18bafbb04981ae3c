package org.smsengine.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smsengine.SampleData;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.SecondEngine;
import org.springframework.test.context.TestConstructor;

/**
 * Country rules on the shared sample (134 valid Chinese numbers, 4 duplicates of them, 48 others):
 * a batch's own deny or allow list, the engine's list on a node configured with one (fixed on the
 * batch when it is created there), a batch's list replacing the engine's, and bad lists refused.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountryRulesIT extends EngineIntegrationTest {

    private static final Duration READY = Duration.ofSeconds(60);
    private static final String TEMPLATE = "Hi {{name}}, your code is {{code}}.";

    private final DataSource dataSource;
    private SecondEngine northAmerica;
    private int northAmericaPort;

    CountryRulesIT(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @BeforeAll
    void startANodeThatSendsOnlyToNorthAmerica() {
        Map<String, Object> properties = new HashMap<>(engineProperties());
        properties.put("sms.countries.allow", "US,CA");
        northAmerica = SecondEngine.start(properties, dataSource);
        northAmericaPort = northAmerica.port();
    }

    @AfterAll
    void stopIt() {
        if (northAmerica != null) {
            northAmerica.close();
        }
    }

    @Test
    void aBatchsDenyListRejectsItsCountrysNumbersBeforeDuplicatesAreLookedFor() {
        JsonNode batch = prepared(marketer(), Map.of("denyCountries", "CN"));
        JsonNode counts = batch.get("counts");
        assertThat(counts.get("rows").asInt()).isEqualTo(200);
        assertThat(counts.get("valid").asInt()).isEqualTo(48);
        assertThat(counts.get("duplicates").asInt()).as("the duplicates were Chinese too").isZero();
        assertThat(counts.get("invalid").asInt()).isEqualTo(14 + 138);
        assertThat(batch.get("denyCountries")).extracting(JsonNode::asText).containsExactly("CN");
        assertThat(batch.get("allowCountries").isNull()).isTrue();
        String rejects = marketer().get("/api/v1/batches/" + batch.get("id").asLong() + "/rejects").text();
        assertThat(rejects.lines().filter(line -> line.contains(",country_blocked")).count()).isEqualTo(138);
    }

    @Test
    void aBatchsAllowListKeepsOnlyItsCountries() {
        JsonNode counts = prepared(marketer(), Map.of("allowCountries", "cn")).get("counts");
        assertThat(counts.get("valid").asInt()).isEqualTo(134);
        assertThat(counts.get("duplicates").asInt()).isEqualTo(4);
        assertThat(counts.get("invalid").asInt()).isEqualTo(14 + 48);
    }

    @Test
    void theEnginesListIsFixedOnTheBatchesCreatedUnderItAndABatchsOwnReplacesIt() throws IOException {
        ApiClient onNode = new ApiClient(northAmericaPort, "marketer", "marketer");
        JsonNode batch = prepared(onNode, Map.of());
        assertThat(batch.get("allowCountries")).extracting(JsonNode::asText).containsExactly("CA", "US");
        long northAmerican = 0;
        for (CSVRecord row : SampleData.expectedRows()) {
            boolean kept = Set.of("valid", "duplicate").contains(row.get("outcome"));
            if (kept && Set.of("US", "CA").contains(PhoneNumbers.region(row.get("e164")))) {
                northAmerican++;
            }
        }
        JsonNode counts = batch.get("counts");
        assertThat(counts.get("valid").asLong() + counts.get("duplicates").asLong()).isEqualTo(northAmerican);

        // the same node, a batch with a list of its own
        JsonNode own = prepared(onNode, Map.of("denyCountries", "CN"));
        assertThat(own.get("counts").get("valid").asInt()).isEqualTo(48);
        assertThat(own.get("allowCountries").isNull()).isTrue();
    }

    @Test
    void bothListsOrAnUnknownCodeAreRefusedNamingTheField() {
        ApiClient.Response both = marketer().uploadCsv(SampleData.csv(), fields(Map.of("allowCountries", "US",
                "denyCountries", "CN")));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").get(0).get("field").asText()).isEqualTo("allowCountries");
        ApiClient.Response unknown = marketer().uploadCsv(SampleData.csv(), fields(Map.of("denyCountries", "CN,XX")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("XX");
        // the JSON form takes lists
        ApiClient.Response json = marketer().postJson("/api/v1/batches", Map.of("name", "json", "template", "Hi",
                "region", "US", "denyCountries", List.of("XX"), "recipients", List.of(Map.of("phone", "+12015550123"))));
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().get("errors").get(0).get("field").asText()).isEqualTo("denyCountries");
    }

    private JsonNode prepared(ApiClient by, Map<String, String> extra) {
        long id = by.uploadCsv(SampleData.csv(), fields(extra)).createdId();
        return by.awaitState(id, "READY", READY);
    }

    private static Map<String, String> fields(Map<String, String> extra) {
        Map<String, String> fields = new HashMap<>(Map.of("name", "countries", "template", TEMPLATE, "region", "CN"));
        fields.putAll(extra);
        return fields;
    }
}
