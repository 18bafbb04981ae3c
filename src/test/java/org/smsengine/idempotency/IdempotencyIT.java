package org.smsengine.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.smsengine.idempotency.KeyedCalls.Answer;
import org.smsengine.idempotency.KeyedCalls.HeldBody;
import org.smsengine.idempotency.KeyedCalls.Multipart;
import org.smsengine.scheduling.Housekeeping;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.smsengine.support.SecondEngine;
import org.smsengine.system.NodeIdentity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * A client may retry any POST or PATCH with an {@code Idempotency-Key} (API.md, "Idempotency"): the
 * request is done once, on whichever node, and the retry gets its answer again; a different request
 * with the key, one sent while the first runs, a 5xx, another user's key and a malformed key are each
 * answered as API.md says.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class IdempotencyIT extends EngineIntegrationTest {

    private static final String BATCHES = "/api/v1/batches";
    private static final String REUSED = "urn:sms-engine:problem:idempotency_key_reused";
    private static final String IN_PROGRESS = "urn:sms-engine:problem:idempotency_request_in_progress";
    private static final String INTERRUPTED = "urn:sms-engine:problem:idempotency_request_interrupted";
    private static final Duration PREPARED = Duration.ofSeconds(60);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Housekeeping housekeeping;
    private final NodeIdentity node;

    IdempotencyIT(DataSource dataSource, Housekeeping housekeeping, NodeIdentity node) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.housekeeping = housekeeping;
        this.node = node;
    }

    @Test
    void fiftyIdenticalUploadsWithOneKeyAcrossTwoNodesCreateOneBatch() throws Exception {
        // given two nodes, and fifty clients about to send the same upload with the same key, half to each
        String name = unique("fifty");
        byte[] csv = Recipients.csv(4_200_000, 2000);
        String key = KeyedCalls.newKey();
        try (SecondEngine second = SecondEngine.start(engineProperties(), dataSource)) {
            List<KeyedCalls> nodes = List.of(new KeyedCalls(port, "marketer"), new KeyedCalls(second.port(), "marketer"));
            ExecutorService clients = Executors.newFixedThreadPool(50);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> sent = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                KeyedCalls calls = nodes.get(i % 2);
                Multipart body = Multipart.of(csv, uploadFields(name));    // a boundary of its own, as each try has
                sent.add(clients.submit(() -> {
                    go.await();
                    return calls.postMultipart(BATCHES, key, body);
                }));
            }

            // when they go at once
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : sent) {
                answers.add(answer.get(120, TimeUnit.SECONDS));
            }
            clients.shutdown();

            // then one batch exists: one request created it, the others were told it runs or got its answer
            assertThat(batchesNamed(name)).isEqualTo(1);
            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(201, 409));
            List<Answer> created = answers.stream().filter(answer -> answer.status() == 201).toList();
            assertThat(created).filteredOn(answer -> !answer.replayed()).hasSize(1);
            assertThat(created).extracting(answer -> answer.json().get("id").asLong()).containsOnly(batchIdNamed(name));
            assertThat(answers).filteredOn(answer -> answer.status() == 409).allSatisfy(answer -> {
                assertThat(answer.header("Retry-After")).isEqualTo("1");
                assertThat(answer.json().get("type").asText()).isEqualTo(IN_PROGRESS);
            });
            // and a retry on either node, once it is done, gets the batch
            for (KeyedCalls calls : nodes) {
                Answer again = calls.postMultipart(BATCHES, key, Multipart.of(csv, uploadFields(name)));
                assertThat(again.status()).as(again.toString()).isEqualTo(201);
                assertThat(again.replayed()).isTrue();
                assertThat(again.json().get("id").asLong()).isEqualTo(batchIdNamed(name));
            }
            assertThat(batchesNamed(name)).isEqualTo(1);
        }
    }

    @Test
    void aRetryGetsTheFirstAnswerAgainWithItsLocationAndBodyMarkedReplayed() {
        KeyedCalls marketer = new KeyedCalls(port, "marketer");
        // an upload, and its retry with another multipart boundary
        String upload = unique("retried upload");
        String uploadKey = KeyedCalls.newKey();
        byte[] csv = Recipients.csv(4_202_000, 20);
        Answer first = marketer.postMultipart(BATCHES, uploadKey, Multipart.of(csv, uploadFields(upload)));
        Answer again = marketer.postMultipart(BATCHES, uploadKey, Multipart.of(csv, uploadFields(upload)));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.replayed()).isFalse();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.replayed()).isTrue();
        assertThat(again.header("Location")).isEqualTo(first.header("Location")).startsWith("/api/v1/batches/");
        assertThat(again.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(batchesNamed(upload)).isEqualTo(1);

        // the JSON form the same way
        String json = unique("retried json");
        String jsonKey = KeyedCalls.newKey();
        Answer created = marketer.postJson(BATCHES, jsonKey, jsonBatch(json, "Hi {{name}}"));
        Answer replayed = marketer.postJson(BATCHES, jsonKey, jsonBatch(json, "Hi {{name}}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(replayed.replayed()).isTrue();
        assertThat(replayed.body()).isEqualTo(created.body());
        assertThat(replayed.header("Location")).isEqualTo(created.header("Location"));
        assertThat(batchesNamed(json)).isEqualTo(1);
    }

    @Test
    void aBatchActionAndAPatchAreAnsweredOnceAndTheirRetriesGetThatAnswer() {
        Answer batch = new KeyedCalls(port, "marketer").postJson(BATCHES, (String) null, jsonBatch(unique("acted on"), "Hi {{name}}"));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        long id = batch.json().get("id").asLong();
        operator().awaitState(id, "READY", PREPARED);
        KeyedCalls operator = new KeyedCalls(port, "operator");
        String startKey = KeyedCalls.newKey();

        Answer started = operator.postJson(BATCHES + "/" + id + "/start", startKey, "{}");
        Answer again = operator.postJson(BATCHES + "/" + id + "/start", startKey, "{}");

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.replayed()).isTrue();
        assertThat(again.body()).isEqualTo(started.body());
        assertThat(operator().get(BATCHES + "/" + id + "/events").json().findValuesAsText("event"))
                .filteredOn("start"::equals).hasSize(1);

        // a 4xx is an answer too: kept, and given again
        KeyedCalls marketer = new KeyedCalls(port, "marketer");
        String patchKey = KeyedCalls.newKey();
        Answer refused = marketer.patchJson(BATCHES + "/" + id, patchKey, "{\"sendAt\": \"not a time\"}");
        Answer refusedAgain = marketer.patchJson(BATCHES + "/" + id, patchKey, "{\"sendAt\": \"not a time\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refusedAgain.status()).isEqualTo(400);
        assertThat(refusedAgain.replayed()).isTrue();
        assertThat(refusedAgain.body()).isEqualTo(refused.body());
    }

    @Test
    void theSameKeyWithAnotherBodyOrPathIsRefused422() {
        KeyedCalls marketer = new KeyedCalls(port, "marketer");
        String name = unique("one key, two bodies");
        String key = KeyedCalls.newKey();
        byte[] csv = Recipients.csv(4_204_000, 20);
        assertThat(marketer.postMultipart(BATCHES, key, Multipart.of(csv, uploadFields(name))).status()).isEqualTo(201);

        Answer otherTemplate = marketer.postMultipart(BATCHES, key, Multipart.of(csv,
                Map.of("name", name, "template", "Bye {{name}}", "region", "US")));
        Answer otherFile = marketer.postMultipart(BATCHES, key, Multipart.of(Recipients.csv(4_204_000, 21), uploadFields(name)));
        Answer otherForm = marketer.postJson(BATCHES, key, jsonBatch(name, "Hi {{name}}"));
        String phone = Recipients.phone(4_219_000 + ThreadLocalRandom.current().nextInt(1000));
        OffsetDateTime started = jdbc.queryForObject("SELECT now()", OffsetDateTime.class);
        Answer otherPath = marketer.postJson("/api/v1/opt-outs", key, "{\"phones\": [\"" + phone + "\"]}");

        for (Answer answer : List.of(otherTemplate, otherFile, otherForm, otherPath)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
            assertThat(answer.json().get("type").asText()).isEqualTo(REUSED);
            assertThat(answer.json().get("detail").asText()).contains(key);
        }
        assertThat(batchesNamed(name)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_opt_out WHERE phone = ? AND created_at >= ?", Long.class,
                phone, started)).isZero();
    }

    @Test
    void aRequestWithTheKeyOfOneStillRunningGets409WithRetryAfterAndTheAnswerOnceItIsDone() throws Exception {
        // given an upload whose body the client holds back after its first half: the request runs meanwhile
        KeyedCalls marketer = new KeyedCalls(port, "marketer");
        String name = unique("slow upload");
        String key = KeyedCalls.newKey();
        byte[] csv = Recipients.csv(4_206_000, 5000);
        Multipart body = Multipart.of(csv, uploadFields(name));
        HeldBody held = new HeldBody();
        held.release(body.bytes(), 0, body.bytes().length / 2);
        CompletableFuture<Answer> first = marketer.postHeld(BATCHES, key, body, held);
        await().atMost(Duration.ofSeconds(20)).until(() -> running(key));

        // when the same upload is sent again
        Answer meanwhile = marketer.postMultipart(BATCHES, key, Multipart.of(csv, uploadFields(name)));

        // then it is told to come back, and nothing is created twice
        assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(409);
        assertThat(meanwhile.header("Retry-After")).isEqualTo("1");
        assertThat(meanwhile.json().get("type").asText()).isEqualTo(IN_PROGRESS);
        held.release(body.bytes(), body.bytes().length / 2, body.bytes().length);
        held.end();
        Answer created = first.get(60, TimeUnit.SECONDS);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Answer later = marketer.postMultipart(BATCHES, key, Multipart.of(csv, uploadFields(name)));
        assertThat(later.replayed()).isTrue();
        assertThat(later.body()).isEqualTo(created.body());
        assertThat(batchesNamed(name)).isEqualTo(1);
    }

    @Test
    void aServerErrorIsNotKeptSoTheRetryRunsAgain() {
        // given a database that can give no batch another id, for now (no lock on the tables the engine works on)
        String sequence = jdbc.queryForObject("SELECT pg_get_serial_sequence('sms_batch', 'id')", String.class);
        long last = jdbc.queryForObject("SELECT nextval(?)", Long.class, sequence);
        KeyedCalls marketer = new KeyedCalls(port, "marketer");
        String name = unique("refused once");
        String key = KeyedCalls.newKey();
        Answer failed;
        jdbc.execute("ALTER SEQUENCE " + sequence + " MAXVALUE " + last);
        try {
            failed = marketer.postJson(BATCHES, key, jsonBatch(name, "Hi {{name}}"));
        } finally {
            jdbc.execute("ALTER SEQUENCE " + sequence + " NO MAXVALUE");
        }
        assertThat(failed.status()).as(failed.toString()).isEqualTo(500);

        // when the client retries with the same key, the request runs again (its answer is kept from then on)
        Answer retried = marketer.postJson(BATCHES, key, jsonBatch(name, "Hi {{name}}"));
        Answer again = marketer.postJson(BATCHES, key, jsonBatch(name, "Hi {{name}}"));

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.body()).isEqualTo(retried.body());
        assertThat(batchesNamed(name)).isEqualTo(1);
    }

    @Test
    void aBodyRefusedAsTooLargeIsNotKeptAndItsKeyIsFreeWhenTheAnswerArrives() {
        // given a JSON body over the test engine's 20 MB limit, and an upload over its 8 MB one
        KeyedCalls marketer = new KeyedCalls(port, "marketer");
        String name = unique("too large");
        String json = jsonBatch(name, "Hi {{name}}").replace("\"region\"", "\"pad\": \"" + "x".repeat(21 * 1024 * 1024)
                + "\", \"region\"");
        byte[] csv = Recipients.csv(4_100_000, 300_000);     // refused: these numbers are never sent to
        assertThat(csv.length).isGreaterThan(8 * 1024 * 1024);

        for (Runnable sendTwice : List.<Runnable>of(() -> refusedTwice(k -> marketer.postJson(BATCHES, k, json)),
                () -> refusedTwice(k -> marketer.postMultipart(BATCHES, k, Multipart.of(csv, uploadFields(name)))))) {
            sendTwice.run();
        }
        assertThat(batchesNamed(name)).isZero();
    }

    /** Sent with a key and again: refused each time (the answer to an unread body is not kept), the key free at once. */
    private void refusedTwice(java.util.function.Function<String, Answer> send) {
        String key = KeyedCalls.newKey();
        Answer refused = send.apply(key);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_idempotency_key WHERE idem_key = ?", Long.class, key)).isZero();
        Answer again = send.apply(key);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(again.status()).as(again.toString()).isEqualTo(413);
        assertThat(again.replayed()).isFalse();
    }

    @Test
    void aKeyIsTheCallersOwnAnotherUserWithTheSameKeyHasAnotherKey() {
        String key = KeyedCalls.newKey();
        KeyedCalls marketer = new KeyedCalls(port, "marketer");
        KeyedCalls admin = new KeyedCalls(port, "admin");
        String name = unique("two users, one key");

        Answer byMarketer = marketer.postJson(BATCHES, key, jsonBatch(name, "Hi {{name}}"));
        Answer byAdmin = admin.postJson(BATCHES, key, jsonBatch(name, "Hi {{name}}"));

        assertThat(byMarketer.status()).as(byMarketer.toString()).isEqualTo(201);
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
        assertThat(byAdmin.replayed()).isFalse();
        assertThat(byAdmin.json().get("id").asLong()).isNotEqualTo(byMarketer.json().get("id").asLong());
        assertThat(batchesNamed(name)).isEqualTo(2);
        // each user's retry gets their own answer
        assertThat(marketer.postJson(BATCHES, key, jsonBatch(name, "Hi {{name}}")).body()).isEqualTo(byMarketer.body());
        assertThat(admin.postJson(BATCHES, key, jsonBatch(name, "Hi {{name}}")).body()).isEqualTo(byAdmin.body());
        assertThat(batchesNamed(name)).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIsRefused400NamingTheHeaderAndNothingIsCreated() {
        KeyedCalls marketer = new KeyedCalls(port, "marketer");
        String name = unique("malformed key");
        for (List<String> keys : List.of(List.of(""), List.of("k".repeat(256)), List.of("one", "two"))) {
            Answer refused = marketer.postJson(BATCHES, keys, jsonBatch(name, "Hi {{name}}"));
            assertThat(refused.status()).as(keys + ": " + refused).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        }
        assertThat(batchesNamed(name)).isZero();
        // 255 printable characters, spaces and punctuation included, are a key
        String longest = ("a key: " + UUID.randomUUID() + " ~!").repeat(10).substring(0, 255);
        assertThat(marketer.postJson(BATCHES, longest, jsonBatch(name, "Hi {{name}}")).status()).isEqualTo(201);
    }

    @Test
    void aRetryAfterTheFirstRequestsNodeWasLostRunsAgainUnlessThatRequestHadCommittedWork() {
        // given keys claimed a minute ago by a node that has not beaten since (sms.recovery.node-timeout: 3 s)
        String clean = KeyedCalls.newKey();
        String committed = KeyedCalls.newKey();
        String alive = KeyedCalls.newKey();
        claimedAMinuteAgo(clean, "lost-node-" + UUID.randomUUID(), false);
        claimedAMinuteAgo(committed, "lost-node-" + UUID.randomUUID(), true);
        claimedAMinuteAgo(alive, node.id(), false);
        KeyedCalls marketer = new KeyedCalls(port, "marketer");
        String name = unique("after a lost node");

        // then: nothing of the lost request was committed, so the retry runs it
        Answer ran = marketer.postJson(BATCHES, clean, jsonBatch(name, "Hi {{name}}"));
        assertThat(ran.status()).as(ran.toString()).isEqualTo(201);
        assertThat(ran.replayed()).isFalse();
        assertThat(marketer.postJson(BATCHES, clean, jsonBatch(name, "Hi {{name}}")).replayed()).isTrue();
        // it had committed work: running it again could do it twice, and its answer is lost
        Answer interrupted = marketer.postJson(BATCHES, committed, jsonBatch(name, "Hi {{name}}"));
        assertThat(interrupted.status()).as(interrupted.toString()).isEqualTo(409);
        assertThat(interrupted.header("Retry-After")).isNull();
        assertThat(interrupted.json().get("type").asText()).isEqualTo(INTERRUPTED);
        // its node is alive: it still runs
        Answer running = marketer.postJson(BATCHES, alive, jsonBatch(name, "Hi {{name}}"));
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.header("Retry-After")).isEqualTo("1");
        assertThat(batchesNamed(name)).isEqualTo(1);
    }

    @Test
    void aRequestWhoseKeyWasTakenOverWhileItRanCommitsNothing() throws Exception {
        // given an upload running with its key, held half-way
        KeyedCalls marketer = new KeyedCalls(port, "marketer");
        String name = unique("taken over");
        String key = KeyedCalls.newKey();
        Multipart body = Multipart.of(Recipients.csv(4_212_000, 2000), uploadFields(name));
        HeldBody held = new HeldBody();
        held.release(body.bytes(), 0, body.bytes().length / 2);
        CompletableFuture<Answer> first = marketer.postHeld(BATCHES, key, body, held);
        await().atMost(Duration.ofSeconds(20)).until(() -> running(key));

        // when a retry on another node takes its key over (as when this node was thought lost), and it then ends
        jdbc.update("UPDATE sms_idempotency_key SET claim = gen_random_uuid(), node_id = 'another-node' WHERE idem_key = ?", key);
        held.release(body.bytes(), body.bytes().length / 2, body.bytes().length);
        held.end();

        // then its work is rolled back rather than done a second time
        Answer answer = first.get(60, TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(500);
        assertThat(batchesNamed(name)).isZero();
    }

    @Test
    void theFirstRequestsTransactionsMarkItsKey() {
        String key = KeyedCalls.newKey();
        assertThat(new KeyedCalls(port, "marketer").postJson(BATCHES, key, jsonBatch(unique("marked"), "Hi {{name}}")).status())
                .isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT work_committed FROM sms_idempotency_key WHERE idem_key = ?", Boolean.class, key))
                .isTrue();
    }

    @Test
    void housekeepingPurgesExpiredKeysAndAnExpiredKeyIsFreeAgain() {
        KeyedCalls marketer = new KeyedCalls(port, "marketer");
        String expired = KeyedCalls.newKey();
        String fresh = KeyedCalls.newKey();
        String name = unique("expired key");
        assertThat(marketer.postJson(BATCHES, expired, jsonBatch(name, "Hi {{name}}")).status()).isEqualTo(201);
        assertThat(marketer.postJson(BATCHES, fresh, jsonBatch(name + " 2", "Hi {{name}}")).status()).isEqualTo(201);
        jdbc.update("UPDATE sms_idempotency_key SET created_at = now() - interval '25 hours' WHERE idem_key = ?", expired);

        housekeeping.purgeIdempotencyKeys();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_idempotency_key WHERE idem_key = ?", Long.class, expired)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_idempotency_key WHERE idem_key = ?", Long.class, fresh)).isOne();
        Answer anew = marketer.postJson(BATCHES, expired, jsonBatch(name, "Hi {{name}}"));
        assertThat(anew.status()).isEqualTo(201);
        assertThat(anew.replayed()).isFalse();
    }

    @Test
    void theOpenApiDocumentShowsTheOptionalHeaderOnPostsAndPatchesButNotOnProviderCallbacks() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        for (JsonNode operation : List.of(paths.get(BATCHES).get("post"), paths.get("/api/v1/batches/{id}").get("patch"),
                paths.get("/api/v1/batches/{id}/{action}").get("post"), paths.get("/api/v1/campaigns/{id}/run").get("post"))) {
            assertThat(operation.get("parameters").findValuesAsText("name")).contains("Idempotency-Key");
        }
        JsonNode receipts = paths.get("/api/v1/providers/{name}/receipts").get("post");
        assertThat(receipts.path("parameters").findValuesAsText("name")).doesNotContain("Idempotency-Key");
        assertThat(paths.get(BATCHES).get("get").path("parameters").findValuesAsText("name")).doesNotContain("Idempotency-Key");
    }

    private void claimedAMinuteAgo(String key, String nodeId, boolean workCommitted) {
        jdbc.update("""
                INSERT INTO sms_idempotency_key (scope, idem_key, method, path, claim, node_id, created_at, work_committed)
                VALUES ('marketer', ?, 'POST', '/api/v1/batches', gen_random_uuid(), ?, now() - interval '1 minute', ?)""",
                key, nodeId, workCommitted);
    }

    private boolean running(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM sms_idempotency_key WHERE idem_key = ? AND status IS NULL",
                Long.class, key) == 1;
    }

    private long batchesNamed(String name) {
        return jdbc.queryForObject("SELECT count(*) FROM sms_batch WHERE name = ?", Long.class, name);
    }

    private long batchIdNamed(String name) {
        return jdbc.queryForObject("SELECT id FROM sms_batch WHERE name = ?", Long.class, name);
    }

    private static Map<String, String> uploadFields(String name) {
        return Map.of("name", name, "template", "Hi {{name}}", "region", "US");
    }

    private static String jsonBatch(String name, String template) {
        return """
                {"name": "%s", "template": "%s", "region": "US",
                 "recipients": [{"phone": "+12015550101", "vars": {"name": "Ann"}}, {"phone": "+12015550102", "vars": {"name": "Bo"}}]}"""
                .formatted(name, template);
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
