package org.smsengine.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * Test-sends as API.md has them: ADMIN, or APPROVER on a batch under review; every seed screened as
 * a message of the batch would be (opt-outs, the batch's countries, the frequency caps, its send
 * window); at most {@code sms.review.max-test-sends} calls and {@code sms.review.max-seeds} distinct
 * seeds per batch, on any node; audited and counted in the batch's cost, never in its message counts.
 * Run on a node that reviews every batch, with a price per segment and a cap of one message a number
 * an hour; the shared engine is the second node of the cluster test.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedSendIT extends EngineIntegrationTest {

    private static final Duration DONE = Duration.ofSeconds(60);
    private static final String SEGMENT_PRICE = "0.05";
    /** The seeds are numbered from here on, apart from every batch's recipients. */
    private static final int FIRST_SEED = 3_169_000;

    private final SmscSimulator simulator;
    private final DataSource dataSource;
    private SecondEngine reviewing;
    private int reviewingPort;

    SeedSendIT(SmscSimulator simulator, DataSource dataSource) {
        this.simulator = simulator;
        this.dataSource = dataSource;
    }

    @BeforeAll
    void startTheReviewingNode() {
        Map<String, Object> properties = new HashMap<>(engineProperties());
        properties.put("sms.review.required", true);
        properties.put("sms.routing.prices.simulator.default", SEGMENT_PRICE);
        properties.put("sms.consent.screening.frequency-caps[0].messages", 1);
        properties.put("sms.consent.screening.frequency-caps[0].per", "1h");
        reviewing = SecondEngine.start(properties, dataSource);
        reviewingPort = reviewing.port();
        // the seeds' messages of an earlier run against this database would still cap them for the hour
        new JdbcTemplate(dataSource).update("DELETE FROM sms_frequency WHERE phone BETWEEN ? AND ?",
                Recipients.phone(FIRST_SEED), Recipients.phone(FIRST_SEED + 999));
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

    private ApiClient approver() {
        return as("approver");
    }

    @Test
    void onlyAnAdminOrAnApproverOfABatchUnderReviewMayTestSendIt() {
        // given a marketer's batch waiting for approval
        long id = awaitingApproval("roles", 3_160_000, Map.of());
        String seed = Recipients.phone(3_169_000);

        // when each role test-sends it, then its maker and its operator may not
        assertThat(testSend(marketer(), id, seed).status()).as("a marketer").isEqualTo(403);
        assertThat(testSend(operator(), id, seed).status()).as("an operator").isEqualTo(403);
        assertThat(simulator.accounting().acceptedFor(seed)).isZero();
        // its approver and an admin may
        ApiClient.Response byApprover = testSend(approver(), id, seed);
        assertThat(byApprover.status()).as(byApprover.text()).isEqualTo(200);
        assertThat(byApprover.json().get("seeds").get(0).get("status").asText()).isEqualTo("SENT");
        assertThat(testSend(admin(), id, seed).status()).as("an admin").isEqualTo(200);

        // once approved, it is no longer under review: an approver is refused, naming the state; an admin still may
        assertThat(approver().postJson("/api/v1/batches/" + id + "/approve", Map.of()).status()).isEqualTo(202);
        ApiClient.Response late = testSend(approver(), id, seed);
        assertThat(late.status()).as(late.text()).isEqualTo(403);
        assertThat(late.json().get("detail").asText()).contains("READY").contains("AWAITING_APPROVAL");
        assertThat(testSend(admin(), id, seed).status()).isEqualTo(200);
        assertThat(simulator.accounting().acceptedFor(seed)).isEqualTo(3);
        operator().postJson("/api/v1/batches/" + id + "/abort", Map.of());
    }

    @Test
    void seedsAreScreenedLikeTheBatchsOwnMessagesAndOnlyTheAllowedOnesReceiveTheText() {
        // given a batch that sends to no number of Great Britain, an opted-out number, and a number that
        // has had its one message of the hour (a test-send of another batch)
        long id = awaitingApproval("screened", 3_161_000, Map.of("denyCountries", "GB"));
        long other = awaitingApproval("the earlier message", 3_161_100, Map.of());
        String good = Recipients.phone(3_169_100);
        String optedOut = Recipients.phone(3_169_101);
        String capped = Recipients.phone(3_169_102);
        String british = "+447400123456";
        assertThat(admin().postJson("/api/v1/opt-outs", Map.of("phones", List.of(optedOut), "reason", "STOP")).status())
                .isEqualTo(200);
        assertThat(testSend(admin(), other, capped).status()).isEqualTo(200);

        // when one call names them all
        ApiClient.Response sent = testSend(admin(), id, good, optedOut, british, capped);

        // then the good seed is sent to, and each other one is refused with its reason
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        JsonNode seeds = sent.json().get("seeds");
        assertThat(seeds).extracting(s -> s.get("phone").asText()).containsExactly(good, optedOut, british, capped);
        assertThat(seeds).extracting(s -> s.get("status").asText()).containsExactly("SENT", "REFUSED", "REFUSED", "REFUSED");
        assertThat(seeds.get(1).get("error").asText()).startsWith("opted_out");
        assertThat(seeds.get(2).get("error").asText()).startsWith("country_blocked").contains("GB");
        assertThat(seeds.get(3).get("error").asText()).startsWith("frequency_cap");
        assertThat(simulator.accounting().acceptedFor(good)).isEqualTo(1);
        assertThat(simulator.accounting().acceptedFor(optedOut)).isZero();
        assertThat(simulator.accounting().acceptedFor(british)).isZero();
        assertThat(simulator.accounting().acceptedFor(capped)).as("the earlier message only").isEqualTo(1);

        // and a call of which nothing may be sent is a 400 naming each seed and its reason
        ApiClient.Response refused = testSend(approver(), id, british, optedOut);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors).extracting(e -> e.get("field").asText()).containsExactly("phones[0]", "phones[1]");
        assertThat(errors.get(0).get("message").asText()).startsWith("country_blocked");
        assertThat(errors.get(1).get("message").asText()).startsWith("opted_out");
        assertThat(simulator.accounting().acceptedFor(optedOut)).isZero();
        operator().postJson("/api/v1/batches/" + id + "/abort", Map.of());
        operator().postJson("/api/v1/batches/" + other + "/abort", Map.of());
    }

    @Test
    void aSeedIsNotSentToWhileTheBatchsSendWindowIsClosed() {
        // given a batch whose window opens in two hours
        long id = awaitingApproval("windowed", 3_162_000, Map.of());
        LocalTime from = LocalTime.now(ZoneOffset.UTC).plusHours(2).withSecond(0).withNano(0);
        ApiClient.Response windowed = marketer().patchJson("/api/v1/batches/" + id,
                "{\"sendWindow\": {\"from\": \"" + from + "\", \"to\": \"" + from.plusHours(1) + "\", \"timezone\": \"UTC\"}}");
        assertThat(windowed.status()).as(windowed.text()).isEqualTo(200);
        String seed = Recipients.phone(3_169_200);

        // when it is test-sent, then nothing goes, and the answer says why
        ApiClient.Response refused = testSend(admin(), id, seed);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("message").asText()).startsWith("send_window");
        assertThat(simulator.accounting().acceptedFor(seed)).isZero();
        operator().postJson("/api/v1/batches/" + id + "/abort", Map.of());
    }

    @Test
    void aBatchIsTestSentAtMostThreeTimesAndToAtMostFiveDistinctSeeds() {
        // given a batch under review
        long calls = awaitingApproval("three calls", 3_163_000, Map.of());
        String seed = Recipients.phone(3_169_300);

        // when it is test-sent a fourth time, then it is refused, naming the limit
        for (int i = 0; i < 3; i++) {
            assertThat(testSend(admin(), calls, seed).status()).as("call " + (i + 1)).isEqualTo(200);
        }
        ApiClient.Response fourth = testSend(approver(), calls, seed);
        assertThat(fourth.status()).as(fourth.text()).isEqualTo(409);
        assertThat(fourth.json().get("detail").asText()).contains("sms.review.max-test-sends").contains("3");
        assertThat(simulator.accounting().acceptedFor(seed)).isEqualTo(3);

        // given another, test-sent to three seeds and then to two more and one of the first
        long seeds = awaitingApproval("five seeds", 3_163_100, Map.of());
        List<String> numbers = IntStream.range(0, 6).mapToObj(i -> Recipients.phone(3_169_310 + i)).toList();
        assertThat(testSend(admin(), seeds, numbers.get(0), numbers.get(1), numbers.get(2)).status()).isEqualTo(200);
        assertThat(testSend(admin(), seeds, numbers.get(3), numbers.get(4), numbers.get(0)).status()).isEqualTo(200);

        // when a sixth distinct seed is named, then the call is refused, naming the limit; the five may be sent again
        ApiClient.Response sixth = testSend(admin(), seeds, numbers.get(5), numbers.get(1));
        assertThat(sixth.status()).as(sixth.text()).isEqualTo(409);
        assertThat(sixth.json().get("detail").asText()).contains("sms.review.max-seeds").contains("5");
        assertThat(simulator.accounting().acceptedFor(numbers.get(5))).isZero();
        assertThat(simulator.accounting().acceptedFor(numbers.get(1))).isEqualTo(1);
        assertThat(testSend(admin(), seeds, numbers.get(4), numbers.get(1)).status()).isEqualTo(200);
        operator().postJson("/api/v1/batches/" + calls + "/abort", Map.of());
        operator().postJson("/api/v1/batches/" + seeds + "/abort", Map.of());
    }

    @Test
    void concurrentTestSendsOnTwoNodesStayWithinTheLimits() throws Exception {
        // given two batches under review, and 8 calls at once to each, half to either node
        long calls = awaitingApproval("concurrent calls", 3_164_000, Map.of());
        long seeds = awaitingApproval("concurrent seeds", 3_164_100, Map.of());
        List<String> oneEach = IntStream.range(0, 8).mapToObj(i -> Recipients.phone(3_169_400 + i)).toList();
        List<String> twoEach = IntStream.range(0, 16).mapToObj(i -> Recipients.phone(3_169_420 + i)).toList();
        ApiClient[] nodes = {admin(), new ApiClient(port, "admin", "admin")};
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ApiClient node = nodes[i % 2];
            String one = oneEach.get(i);
            String[] two = {twoEach.get(2 * i), twoEach.get(2 * i + 1)};
            requests.add(() -> testSend(node, calls, one).status());
            requests.add(() -> testSend(node, seeds, two).status());
        }

        // when they run
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<Integer> status : pool.invokeAll(requests)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // then three calls of the first batch went, and two of the second (a third would make six seeds)
        List<Integer> ofCalls = IntStream.range(0, 16).filter(i -> i % 2 == 0).mapToObj(statuses::get).toList();
        List<Integer> ofSeeds = IntStream.range(0, 16).filter(i -> i % 2 == 1).mapToObj(statuses::get).toList();
        // (the answers, alternately of the reviewing and the shared node, are in each description)
        assertThat(ofCalls).as("first batch: %s", ofCalls).filteredOn(s -> s == 200).hasSize(3);
        assertThat(ofCalls).as("first batch: %s", ofCalls).filteredOn(s -> s == 409).hasSize(5);
        assertThat(ofSeeds).as("second batch: %s", ofSeeds).filteredOn(s -> s == 200).hasSize(2);
        assertThat(ofSeeds).as("second batch: %s", ofSeeds).filteredOn(s -> s == 409).hasSize(6);
        // and either node sees what the other took
        assertThat(testSend(nodes[1], calls, oneEach.get(0)).status()).isEqualTo(409);
        assertThat(testSend(nodes[0], seeds, Recipients.phone(3_169_440), Recipients.phone(3_169_441)).status()).isEqualTo(409);
        assertThat(oneEach.stream().mapToInt(simulator.accounting()::acceptedFor).sum()).isEqualTo(3);
        assertThat(twoEach.stream().mapToInt(simulator.accounting()::acceptedFor).sum()).isEqualTo(4);
        operator().postJson("/api/v1/batches/" + calls + "/abort", Map.of());
        operator().postJson("/api/v1/batches/" + seeds + "/abort", Map.of());
    }

    @Test
    void aTestSendIsAuditedAndCountedInTheBatchsCostButNotInItsMessages() {
        // given a batch under review
        long id = awaitingApproval("costed", 3_165_000, Map.of());
        String seedA = Recipients.phone(3_169_500);
        String seedB = Recipients.phone(3_169_501);
        String optedOut = Recipients.phone(3_169_502);
        assertThat(admin().postJson("/api/v1/opt-outs", Map.of("phones", List.of(optedOut), "reason", "STOP")).status())
                .isEqualTo(200);
        BigDecimal costBefore = cost(id);

        // when an approver test-sends it to two seeds and one opted-out number
        assertThat(testSend(approver(), id, seedA, seedB, optedOut).status()).isEqualTo(200);

        // then the audit says who sent to which (masked) seeds and what came of each
        JsonNode audited = event(id, "test_send");
        assertThat(audited.get("actor").asText()).isEqualTo("approver");
        assertThat(audited.get("createdAt").asText()).isNotBlank();
        assertThat(audited.get("reason").asText()).contains(": SENT").contains("REFUSED (opted_out")
                .doesNotContain(seedA).doesNotContain(seedB).doesNotContain(optedOut);
        // the batch's cost has the two messages sent; its message counts have nothing
        assertThat(cost(id)).isEqualByComparingTo(costBefore.add(new BigDecimal(SEGMENT_PRICE).multiply(BigDecimal.valueOf(2))));
        JsonNode counts = operator().get("/api/v1/batches/" + id).json().get("counts");
        assertThat(counts.get("sent").asInt()).isZero();
        assertThat(counts.get("delivered").asInt()).isZero();
        assertThat(counts.get("failed").asInt()).isZero();
        assertThat(counts.get("suppressed").asInt()).isZero();
        operator().postJson("/api/v1/batches/" + id + "/abort", Map.of());
    }

    private BigDecimal cost(long id) {
        JsonNode cost = operator().get("/api/v1/batches/" + id).json().get("cost");
        return cost == null || cost.isNull() ? BigDecimal.ZERO : cost.decimalValue();
    }

    private JsonNode event(long id, String name) {
        for (JsonNode event : operator().get("/api/v1/batches/" + id + "/events").json()) {
            if (event.get("event").asText().equals(name)) {
                return event;
            }
        }
        throw new AssertionError("batch " + id + " has no '" + name + "' event");
    }

    private static ApiClient.Response testSend(ApiClient by, long id, String... phones) {
        return by.postJson("/api/v1/batches/" + id + "/test-send", Map.of("phones", List.of(phones)));
    }

    /** A marketer's batch of five, prepared and waiting for approval. */
    private long awaitingApproval(String name, int first, Map<String, String> more) {
        Map<String, String> fields = new HashMap<>(Map.of("name", name, "template", "Hello {{name}}", "region", "US"));
        fields.putAll(more);
        long id = marketer().uploadCsv(Recipients.csv(first, 5), fields).createdId();
        operator().awaitState(id, "AWAITING_APPROVAL", DONE);
        return id;
    }
}
