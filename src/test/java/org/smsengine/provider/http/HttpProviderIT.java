package org.smsengine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smsengine.delivery.BatchRecount;
import org.smsengine.simulator.ReceivedPart;
import org.smsengine.simulator.SimulatorAccounting;
import org.smsengine.simulator.SmscSimulator;
import org.smsengine.support.ApiClient;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * Batches delivered through the HTTP provider {@code simulator-http} (application-dev.yml): the
 * in-engine simulator's {@code POST /http/messages} takes them and posts their receipts, signed, to
 * the engine's own webhook.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class HttpProviderIT extends EngineIntegrationTest {

    private static final String PROVIDER = "simulator-http";
    private static final String SECRET = "dev-receipt-secret";
    private static final String SENDER = "VIAHTTP";
    private static final Duration PREPARED = Duration.ofSeconds(30);
    private static final Duration DELIVERED = Duration.ofSeconds(90);

    private final SmscSimulator simulator;
    private final SimulatorAccounting accounting;
    private final JdbcTemplate jdbc;
    private final BatchRecount recount;
    private final HttpClient http = HttpClient.newHttpClient();

    HttpProviderIT(SmscSimulator simulator, JdbcTemplate jdbc, BatchRecount recount) {
        this.recount = recount;
        this.simulator = simulator;
        this.accounting = simulator.accounting();
        this.jdbc = jdbc;
    }

    @AfterEach
    void liftTheCap() {
        simulator.cap(0);
    }

    @Test
    void aBatchSentThroughTheHttpProviderIsDeliveredByWebhookReceiptsAndEachNumberIsSubmittedOnce() {
        int first = 4_450_000;
        int count = 60;
        long receiptsBefore = accounting.receiptsSent();

        long id = deliver(Recipients.csv(first, count), Map.of());

        JsonNode batch = operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("delivered").asInt() == count,
                Duration.ofSeconds(20));
        assertThat(batch.get("counts").get("sent").asInt()).isEqualTo(count);
        assertThat(batch.get("counts").get("failed").asInt()).isZero();
        for (JsonNode message : messages(id).values()) {
            assertThat(message.get("provider").asText()).isEqualTo(PROVIDER);
            assertThat(message.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(message.get("attempts").asInt()).isEqualTo(1);
            assertThat(message.get("providerMessageId").asText()).isNotBlank();
            assertThat(message.get("deliveredAt").isNull()).isFalse();
        }
        for (int i = first; i < first + count; i++) {
            assertThat(accounting.acceptedFor(Recipients.phone(i))).as("requests for %s", Recipients.phone(i)).isEqualTo(1);
        }
        assertThat(accounting.receiptsSent() - receiptsBefore).isGreaterThanOrEqualTo(count);
        ReceivedPart taken = accounting.recordedParts().stream()
                .filter(part -> part.destination().equals(Recipients.phone(first).substring(1))).findFirst().orElseThrow();
        assertThat(taken.dataCoding()).isEqualTo(ReceivedPart.HTTP);
        assertThat(taken.source()).isEqualTo(SENDER);
        assertThat(new String(taken.shortMessage(), StandardCharsets.UTF_8)).isEqualTo("Hi Customer " + first);
    }

    @Test
    void messagesRefusedWith429ByTheSimulatorsCapAreRetriedUntilAllAreDeliveredOnce() throws Exception {
        int first = 4_451_000;
        int count = 40;
        long id = prepare(Recipients.csv(first, count), Map.of());
        long refusedBefore = accounting.refused();
        simulator.cap(2);

        start(id);
        awaitRefused(refusedBefore + 10);
        simulator.cap(0);

        JsonNode batch = operator().awaitState(id, "COMPLETED", DELIVERED);
        assertThat(batch.get("counts").get("sent").asInt()).isEqualTo(count);
        assertThat(batch.get("counts").get("failed").asInt()).isZero();
        operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("delivered").asInt() == count, Duration.ofSeconds(20));
        assertThat(messages(id).values()).anySatisfy(message -> assertThat(message.get("attempts").asInt()).isGreaterThan(1));
        for (int i = first; i < first + count; i++) {
            assertThat(accounting.acceptedFor(Recipients.phone(i))).as("requests for %s", Recipients.phone(i)).isEqualTo(1);
        }
    }

    @Test
    void aPermanentRefusalFailsTheMessageWithItsHttpStatusAndATransientOneIsRetried() {
        String rejected = Recipients.phone(4_452_000);
        String retried = Recipients.phone(4_452_001);
        simulator.script(rejected, SmscSimulator.Scripted.REJECT);
        simulator.script(retried, SmscSimulator.Scripted.THROTTLE, SmscSimulator.Scripted.THROTTLE);

        long id = deliver(Recipients.csv(4_452_000, 2), Map.of());

        Map<String, JsonNode> byPhone = messages(id);
        assertThat(byPhone.get(rejected).get("status").asText()).isEqualTo("FAILED");
        assertThat(byPhone.get(rejected).get("error").asText()).isEqualTo("http:400");
        assertThat(byPhone.get(rejected).get("attempts").asInt()).isEqualTo(1);
        assertThat(byPhone.get(retried).get("status").asText()).isIn("SENT", "DELIVERED");
        assertThat(byPhone.get(retried).get("attempts").asInt()).isEqualTo(3);
        assertThat(accounting.acceptedFor(rejected)).isZero();
        assertThat(accounting.acceptedFor(retried)).isEqualTo(1);
    }

    @Test
    void aTwoSegmentMessageIsOneRequestAndIsDeliveredByItsOneReceipt() {
        String phone = Recipients.phone(4_453_000);
        String text = "Dear customer, " + "this offer is valid until Sunday and only in stores. ".repeat(4);
        byte[] csv = ("phone,text\r\n" + phone + ",\"" + text + "\"\r\n").getBytes(StandardCharsets.UTF_8);

        long id = deliver(csv, Map.of("template", "{{text}}"));

        JsonNode message = operator().await("/api/v1/batches/" + id + "/messages",
                page -> page.get("items").get(0).get("status").asText().equals("DELIVERED"), Duration.ofSeconds(20))
                .get("items").get(0);
        assertThat(message.get("segments").asInt()).isEqualTo(2);
        assertThat(accounting.acceptedFor(phone)).isEqualTo(1);
        assertThat(accounting.recordedParts()).filteredOn(part -> part.destination().equals(phone.substring(1)))
                .singleElement().satisfies(part -> assertThat(new String(part.shortMessage(), StandardCharsets.UTF_8))
                        .isEqualTo(text));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sms_receipt_ref WHERE provider = ? AND message_id = ? AND parts = 2",
                Long.class, PROVIDER, message.get("id").asLong())).isEqualTo(1);
    }

    @Test
    void aReceiptWithABadSignatureIsRefusedAndLeavesItsMessageAsItWas() throws Exception {
        long id = deliver(Recipients.csv(4_454_000, 1), Map.of());
        JsonNode message = operator().await("/api/v1/batches/" + id + "/messages",
                page -> page.get("items").get(0).get("status").asText().equals("DELIVERED"), Duration.ofSeconds(20))
                .get("items").get(0);
        // as it stood before its receipt came: SENT, waiting for one
        jdbc.update("UPDATE sms_message SET status = 'SENT', parts_delivered = 0, delivered_at = NULL WHERE batch_id = ? AND id = ?",
                id, message.get("id").asLong());
        byte[] receipt = ("{\"messageId\":\"" + message.get("providerMessageId").asText()
                + "\",\"status\":\"undelivered\",\"error\":\"042\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> forged = postReceipt(PROVIDER, receipt, hmac("not-the-secret", receipt));
        HttpResponse<String> unsigned = postReceipt(PROVIDER, receipt, null);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(forged.body()).get("detail").asText()).contains(PROVIDER, "X-Signature");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        Thread.sleep(1000);         // five passes of the receipt inbox
        assertThat(status(id)).isEqualTo("SENT");

        HttpResponse<String> signed = postReceipt(PROVIDER, receipt, hmac(SECRET, receipt));

        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(202);
        assertThat(ApiClient.json(signed.body()).get("accepted").asInt()).isEqualTo(1);
        JsonNode undelivered = operator().await("/api/v1/batches/" + id + "/messages",
                page -> page.get("items").get(0).get("status").asText().equals("UNDELIVERED"), Duration.ofSeconds(10))
                .get("items").get(0);
        assertThat(undelivered.get("error").asText()).isEqualTo("receipt:undelivered:042");
    }

    @Test
    void receiptsForAProviderWithoutAWebhookOrThatCannotBeReadAreRefusedWithAProblem() throws Exception {
        byte[] noId = "{\"status\":\"delivered\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> unknown = postReceipt("no-such-provider", noId, null);
        HttpResponse<String> smpp = postReceipt("simulator", noId, null);
        HttpResponse<String> unreadable = postReceipt(PROVIDER, noId, hmac(SECRET, noId));
        byte[] notJson = "delivered".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> notReceipts = postReceipt(PROVIDER, notJson, hmac(SECRET, notJson));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(smpp.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(smpp.body()).get("detail").asText()).contains("not an HTTP provider");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unreadable.body()).get("errors").get(0).get("field").asText()).isEqualTo("messageId");
        assertThat(notReceipts.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(notReceipts.body()).get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void receiptsTheEngineCouldNotStoreAreRefusedAtTheDoorAndTheOthersAreStillApplied() throws Exception {
        long id = deliver(Recipients.csv(4_455_000, 2), Map.of());
        JsonNode[] both = waitingForTheirReceipts(id);
        String good = both[0].get("providerMessageId").asText();
        String[] poisons = {
                "{\"messageId\":\"" + good + "\\u0000\",\"status\":\"delivered\"}",
                "{\"messageId\":\"" + "9".repeat(200_000) + "\",\"status\":\"delivered\"}",
                "{\"messageId\":\"" + good + "\",\"status\":\"delivered\",\"doneAt\":\"+10000-01-01T00:00:00Z\"}",
                "{\"messageId\":\"" + good + "\",\"status\":\"delivered\",\"doneAt\":9223372036854775807}",
                "{\"messageId\":\"" + good + "\",\"status\":\"undelivered\",\"error\":\"0\\u00000\"}"};
        String[] fields = {"messageId", "messageId", "doneAt", "doneAt", "error"};

        for (int i = 0; i < poisons.length; i++) {
            byte[] body = poisons[i].getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> refused = postReceipt(PROVIDER, body, hmac(SECRET, body));
            assertThat(refused.statusCode()).as(poisons[i].substring(0, Math.min(60, poisons[i].length()))).isEqualTo(400);
            assertThat(ApiClient.json(refused.body()).get("errors").get(0).get("field").asText()).isEqualTo(fields[i]);
        }
        byte[] control = ("[{\"messageId\":\"" + good + "\",\"status\":\"delivered\"},{\"messageId\":\""
                + both[1].get("providerMessageId").asText() + "\",\"status\":\"undelivered\",\"error\":\"042\"}]")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(postReceipt(PROVIDER, control, hmac(SECRET, control)).statusCode()).isEqualTo(202);

        operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("delivered").asInt() == 1
                && b.get("counts").get("failed").asInt() == 1, Duration.ofSeconds(10));
        Map<String, JsonNode> after = messages(id);
        assertThat(after.get(both[0].get("phone").asText()).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(after.get(both[1].get("phone").asText()).get("status").asText()).isEqualTo("UNDELIVERED");
    }

    @Test
    void aReceiptTheDatabaseRefusesIsQuarantinedAndTheOthersOfItsPassAreApplied() throws Exception {
        long id = deliver(Recipients.csv(4_456_000, 2), Map.of());
        JsonNode[] both = waitingForTheirReceipts(id);
        String poisoned = both[0].get("providerMessageId").asText();
        // a receipt that passes every check at the door and still fails in the database: what a trigger, a
        // constraint or a bug of a later version could make of any receipt
        jdbc.execute("CREATE OR REPLACE FUNCTION sms_test_refuse_receipt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.last_error = 'receipt:undelivered:poison' THEN RAISE EXCEPTION 'refused by the test''s trigger'"
                + " USING ERRCODE = '22023'; END IF; RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER sms_test_refuse_receipt BEFORE UPDATE ON sms_message FOR EACH ROW"
                + " EXECUTE FUNCTION sms_test_refuse_receipt()");
        try {
            long before = admin().get("/api/v1/receipts/quarantine").json().get("total").asLong();
            byte[] pass = ("[{\"messageId\":\"" + poisoned + "\",\"status\":\"undelivered\",\"error\":\"poison\"},"
                    + "{\"messageId\":\"" + both[1].get("providerMessageId").asText() + "\",\"status\":\"delivered\"}]")
                    .getBytes(StandardCharsets.UTF_8);

            assertThat(postReceipt(PROVIDER, pass, hmac(SECRET, pass)).statusCode()).isEqualTo(202);

            operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("delivered").asInt() == 1, Duration.ofSeconds(10));
            JsonNode quarantined = admin().await("/api/v1/receipts/quarantine",
                    page -> page.get("total").asLong() == before + 1, Duration.ofSeconds(10)).get("items").get(0);
            assertThat(quarantined.get("provider").asText()).isEqualTo(PROVIDER);
            assertThat(quarantined.get("providerMessageId").asText()).isEqualTo(poisoned);
            assertThat(quarantined.get("raw").asText()).contains(poisoned, "poison");
            assertThat(quarantined.get("error").asText()).contains("refused by the test's trigger");
            assertThat(quarantined.get("receivedAt").isNull()).isFalse();
            assertThat(messages(id).get(both[0].get("phone").asText()).get("status").asText()).isEqualTo("SENT");
            assertThat(operator().get("/api/v1/receipts/quarantine").status()).isEqualTo(403);
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS sms_test_refuse_receipt ON sms_message");
            jdbc.execute("DROP FUNCTION IF EXISTS sms_test_refuse_receipt()");
        }
    }

    /** The batch's two messages, put back as they stood before their receipts came: SENT, waiting for one. */
    private JsonNode[] waitingForTheirReceipts(long id) {
        operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("delivered").asInt() == 2, Duration.ofSeconds(20));
        jdbc.update("UPDATE sms_message SET status = 'SENT', parts_delivered = 0, delivered_at = NULL, receipt_at = NULL"
                + " WHERE batch_id = ?", id);
        recountWithoutReceipts(id);
        return messages(id).values().stream().sorted(java.util.Comparator.comparing(m -> m.get("id").asLong()))
                .toArray(JsonNode[]::new);
    }

    /** The batch's counters as they were before the receipts: what the messages now say, less what the slots held. */
    private void recountWithoutReceipts(long id) {
        recount.recount(id);
        operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("delivered").asInt() == 0, Duration.ofSeconds(10));
    }

    private long prepare(byte[] csv, Map<String, String> fields) {
        // the test context routes the batches of this sender to the HTTP provider (application-dev.yml)
        Map<String, String> all = new HashMap<>(Map.of("name", "http delivery", "template", "Hi {{name}}", "region", "US",
                "senderId", SENDER));
        all.putAll(fields);
        long id = marketer().uploadCsv(csv, all).createdId();
        marketer().awaitState(id, "READY", PREPARED);
        return id;
    }

    private void start(long id) {
        assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
    }

    private long deliver(byte[] csv, Map<String, String> fields) {
        long id = prepare(csv, fields);
        start(id);
        operator().awaitState(id, "COMPLETED", DELIVERED);
        return id;
    }

    private Map<String, JsonNode> messages(long id) {
        Map<String, JsonNode> byPhone = new HashMap<>();
        admin().get("/api/v1/batches/" + id + "/messages?size=1000").json().get("items")
                .forEach(m -> byPhone.put(m.get("phone").asText(), m));
        return byPhone;
    }

    private String status(long id) {
        return admin().get("/api/v1/batches/" + id + "/messages").json().get("items").get(0).get("status").asText();
    }

    private void awaitRefused(long atLeast) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (accounting.refused() < atLeast && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertThat(accounting.refused()).isGreaterThanOrEqualTo(atLeast);
    }

    private HttpResponse<String> postReceipt(String provider, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/providers/"
                + provider + "/receipts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
