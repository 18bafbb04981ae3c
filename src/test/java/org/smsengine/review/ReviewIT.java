package org.smsengine.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.SecondEngine;
import org.springframework.test.context.TestConstructor;

/**
 * Review before launch on a node with {@code sms.review.required=true}, which takes the requests and
 * so runs the batches' jobs (the shared engine reviews nothing, so the other tests are not held up).
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewIT extends EngineIntegrationTest {

    private static final Duration DONE = Duration.ofSeconds(60);

    private final SmscSimulator simulator;
    private final DataSource dataSource;
    private SecondEngine reviewing;
    private int reviewingPort;

    ReviewIT(SmscSimulator simulator, DataSource dataSource) {
        this.simulator = simulator;
        this.dataSource = dataSource;
    }

    @BeforeAll
    void startTheReviewingNode() {
        Map<String, Object> properties = new HashMap<>(engineProperties());
        properties.put("sms.review.required", true);
        reviewing = SecondEngine.start(properties, dataSource);
        reviewingPort = reviewing.port();
    }

    @AfterAll
    void stopTheReviewingNode() {
        if (reviewing != null) {
            reviewing.close();
        }
    }

    @Override
    protected ApiClient as(String user) {
        return new ApiClient(reviewingPort, user, user);
    }

    @Test
    void aPreparedBatchWaitsForAnotherUsersApprovalBeforeItMayStart() {
        int first = 3_100_000;
        long id = upload("reviewed", Recipients.csv(first, 20), marketer());
        JsonNode waiting = operator().awaitState(id, "AWAITING_APPROVAL", DONE);
        assertThat(waiting.get("allowedActions")).extracting(JsonNode::asText).containsExactlyInAnyOrder("approve", "reject",
                "abort");
        assertThat(waiting.get("counts").get("prepared").asInt()).isEqualTo(20);

        // nobody may start it, an operator may not approve it, and its creator could not either
        assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(409);
        assertThat(operator().postJson("/api/v1/batches/" + id + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(marketer().postJson("/api/v1/batches/" + id + "/approve", Map.of()).status()).isEqualTo(403);

        ApiClient.Response approved = as("approver").postJson("/api/v1/batches/" + id + "/approve",
                Map.of("reason", "checked the wording"));
        assertThat(approved.status()).isEqualTo(202);
        assertThat(approved.json().get("state").asText()).isEqualTo("READY");
        assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        JsonNode done = operator().awaitState(id, "COMPLETED", DONE);
        assertThat(done.get("counts").get("sent").asInt()).isEqualTo(20);

        JsonNode approval = event(id, "approve");
        assertThat(approval.get("actor").asText()).isEqualTo("approver");
        assertThat(approval.get("fromState").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(approval.get("reason").asText()).isEqualTo("checked the wording");
    }

    @Test
    void theCreatorMayNotApproveOrRejectTheirOwnBatchWhateverTheirRole() {
        long id = upload("own", Recipients.csv(3_110_000, 3), admin());
        admin().awaitState(id, "AWAITING_APPROVAL", DONE);
        for (String action : List.of("approve", "reject")) {
            ApiClient.Response refused = admin().postJson("/api/v1/batches/" + id + "/" + action, Map.of("reason", "mine"));
            assertThat(refused.status()).as(action).isEqualTo(403);
            assertThat(refused.json().get("detail").asText()).contains("created by admin").contains("another user");
        }
        assertThat(admin().get("/api/v1/batches/" + id).json().get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(admin().get("/api/v1/batches/" + id + "/events").json()).extracting(e -> e.get("event").asText())
                .doesNotContain("approve", "reject");
        // another user may
        assertThat(as("approver").postJson("/api/v1/batches/" + id + "/approve", Map.of()).status()).isEqualTo(202);
    }

    @Test
    void aRejectedBatchEndsAbortedWithItsMessagesCancelledAndTheReasonKept() {
        long id = upload("rejected", Recipients.csv(3_120_000, 5), marketer());
        operator().awaitState(id, "AWAITING_APPROVAL", DONE);
        ApiClient.Response rejected = as("approver").postJson("/api/v1/batches/" + id + "/reject",
                Map.of("reason", "wrong price in the text"));
        assertThat(rejected.status()).isEqualTo(202);
        JsonNode batch = operator().awaitState(id, "ABORTED", DONE);
        assertThat(batch.get("counts").get("cancelled").asInt()).isEqualTo(5);
        assertThat(batch.get("counts").get("sent").asInt()).isZero();
        assertThat(event(id, "reject").get("reason").asText()).isEqualTo("wrong price in the text");
        for (int i = 3_120_000; i < 3_120_005; i++) {
            assertThat(simulator.accounting().acceptedFor(Recipients.phone(i))).isZero();
        }
    }

    @Test
    void approvalOfABatchWithASendTimeSchedulesIt() {
        long id = upload("scheduled", Recipients.csv(3_130_000, 2), marketer(),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0).toString());
        operator().awaitState(id, "AWAITING_APPROVAL", DONE);
        JsonNode approved = as("approver").postJson("/api/v1/batches/" + id + "/approve", Map.of()).json();
        assertThat(approved.get("state").asText()).isEqualTo("SCHEDULED");
        assertThat(operator().postJson("/api/v1/batches/" + id + "/abort", Map.of()).status()).isEqualTo(202);
    }

    @Test
    void aTestSendGoesToTheSeedsOnlyAndIsAudited() {
        int first = 3_140_000;
        long id = upload("seeded", Recipients.csv(first, 10), marketer());
        operator().awaitState(id, "AWAITING_APPROVAL", DONE);
        String seedA = Recipients.phone(3_149_000);
        String seedB = Recipients.phone(3_149_001);

        ApiClient.Response sent = as("approver").postJson("/api/v1/batches/" + id + "/test-send",
                Map.of("phones", List.of(seedA, seedB)));
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        JsonNode seeds = sent.json().get("seeds");
        assertThat(seeds).hasSize(2);
        assertThat(seeds.get(0).get("status").asText()).isEqualTo("SENT");
        assertThat(seeds.get(0).get("text").asText()).isEqualTo("Hello Customer " + first);
        assertThat(seeds.get(1).get("text").asText()).isEqualTo("Hello Customer " + (first + 1));
        assertThat(seeds.get(0).get("phone").asText()).as("masked below ADMIN").isNotEqualTo(seedA).contains("*");
        assertThat(simulator.accounting().acceptedFor(seedA)).isEqualTo(1);
        assertThat(simulator.accounting().acceptedFor(seedB)).isEqualTo(1);

        // the batch itself is untouched: nothing sent, still waiting
        JsonNode batch = operator().get("/api/v1/batches/" + id).json();
        assertThat(batch.get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(batch.get("counts").get("sent").asInt()).isZero();
        assertThat(simulator.accounting().acceptedFor(Recipients.phone(first))).isZero();

        JsonNode audited = event(id, "test_send");
        assertThat(audited.get("actor").asText()).isEqualTo("approver");
        assertThat(audited.get("reason").asText()).startsWith("test-send: row ").contains(": SENT").doesNotContain(seedA);

        // an admin may test-send too; its maker and an operator may not (SeedSendIT has the roles); a bad seed is named
        assertThat(admin().postJson("/api/v1/batches/" + id + "/test-send", Map.of("phones", List.of(seedA))).status())
                .isEqualTo(200);
        assertThat(operator().postJson("/api/v1/batches/" + id + "/test-send", Map.of("phones", List.of(seedA))).status())
                .isEqualTo(403);
        ApiClient.Response bad = admin().postJson("/api/v1/batches/" + id + "/test-send",
                Map.of("phones", List.of(seedA, "12")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("phones[1]");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tooMany.add(Recipients.phone(3_149_100 + i));
        }
        assertThat(admin().postJson("/api/v1/batches/" + id + "/test-send", Map.of("phones", tooMany)).status())
                .isEqualTo(400);
        assertThat(admin().postJson("/api/v1/batches/" + id + "/test-send", Map.of()).status()).isEqualTo(400);
        assertThat(simulator.accounting().acceptedFor(seedA)).isEqualTo(2);

        // once delivery has started it is too late for a test
        assertThat(as("approver").postJson("/api/v1/batches/" + id + "/approve", Map.of()).status()).isEqualTo(202);
        assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        operator().awaitState(id, "COMPLETED", DONE);
        assertThat(admin().postJson("/api/v1/batches/" + id + "/test-send", Map.of("phones", List.of(seedA))).status())
                .isEqualTo(409);
    }

    private JsonNode event(long id, String name) {
        for (JsonNode event : operator().get("/api/v1/batches/" + id + "/events").json()) {
            if (event.get("event").asText().equals(name)) {
                return event;
            }
        }
        throw new AssertionError("batch " + id + " has no '" + name + "' event");
    }

    private static long upload(String name, byte[] csv, ApiClient by) {
        return upload(name, csv, by, null);
    }

    private static long upload(String name, byte[] csv, ApiClient by, String sendAt) {
        Map<String, String> fields = new HashMap<>(Map.of("name", name, "template", "Hello {{name}}", "region", "US"));
        if (sendAt != null) {
            fields.put("sendAt", sendAt);
        }
        return by.uploadCsv(csv, fields).createdId();
    }
}
