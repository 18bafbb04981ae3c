package org.smsengine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptStatus;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.Recipients;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * Receipts of a long message's parts, handed to the engine's receipt inbox as a provider hands them: each part
 * counts once, however often it is reported. A one-part message of the same batch marks where a pass got to: the
 * inbox takes receipts in the order they came, so once its receipt is applied, so are those handed on before it.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ReceiptPartsIT extends EngineIntegrationTest {

    private static final String LONG = "Dear customer, " + "this offer is valid until Sunday and only in stores. ".repeat(4);

    private final ReceiptInbox inbox;
    private final BatchRecount recount;
    private final JdbcTemplate jdbc;

    ReceiptPartsIT(ReceiptInbox inbox, BatchRecount recount, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.recount = recount;
        this.jdbc = jdbc;
    }

    @Test
    void aPartReportedDeliveredTwiceCountsOnceAndTheOtherPartsFailureDecidesTheMessage() {
        Batch batch = aTwoPartMessageWaitingForItsReceipts(4_460_000);

        batch.report(batch.firstPart(), ReceiptStatus.DELIVERED);
        batch.report(batch.firstPart(), ReceiptStatus.DELIVERED);
        batch.markerReceived();
        batch.report(batch.secondPart(), ReceiptStatus.UNDELIVERED);

        JsonNode counts = operator().await("/api/v1/batches/" + batch.id(), b -> b.get("counts").get("failed").asInt()
                + b.get("counts").get("delivered").asInt() == 2, Duration.ofSeconds(10)).get("counts");
        assertThat(counts.get("failed").asInt()).isEqualTo(1);
        assertThat(counts.get("delivered").asInt()).isEqualTo(1);
        JsonNode message = batch.longMessage();
        assertThat(message.get("status").asText()).isEqualTo("UNDELIVERED");
        assertThat(message.get("error").asText()).isEqualTo("receipt:UNDELIV:001");
    }

    @Test
    void aMessageIsDeliveredOnlyOnceEachOfItsPartsWasReported() {
        Batch batch = aTwoPartMessageWaitingForItsReceipts(4_460_100);

        for (int i = 0; i < 3; i++) {
            batch.report(batch.firstPart(), ReceiptStatus.DELIVERED);
        }
        batch.markerReceived();

        assertThat(batch.longMessage().get("status").asText()).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("SELECT delivered_parts::text FROM sms_message WHERE batch_id = ? AND segments = 2",
                String.class, batch.id())).isEqualTo("{1}");

        batch.report(batch.secondPart(), ReceiptStatus.DELIVERED);

        operator().await("/api/v1/batches/" + batch.id(), b -> b.get("counts").get("delivered").asInt() == 2,
                Duration.ofSeconds(10));
        assertThat(batch.longMessage().get("status").asText()).isEqualTo("DELIVERED");
    }

    /**
     * A batch of a two-part message and a one-part one delivered over SMPP, then put back as it stood before their
     * receipts came.
     */
    private Batch aTwoPartMessageWaitingForItsReceipts(int recipient) {
        byte[] csv = ("phone,text\r\n" + Recipients.phone(recipient) + ",\"" + LONG + "\"\r\n" + Recipients.phone(recipient + 1)
                + ",Hi\r\n").getBytes(StandardCharsets.UTF_8);
        long id = marketer().uploadCsv(csv, Map.of("name", "two parts", "template", "{{text}}", "region", "US")).createdId();
        marketer().awaitState(id, "READY", Duration.ofSeconds(30));
        assertThat(operator().postJson("/api/v1/batches/" + id + "/start", Map.of()).status()).isEqualTo(202);
        operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("delivered").asInt() == 2, Duration.ofSeconds(60));
        jdbc.update("UPDATE sms_message SET status = 'SENT', parts_delivered = 0, delivered_parts = NULL, delivered_at = NULL,"
                + " receipt_at = NULL WHERE batch_id = ?", id);
        recount.recount(id);
        operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("delivered").asInt() == 0, Duration.ofSeconds(10));
        Map<Integer, String> ids = new HashMap<>();
        List<Map<String, Object>> refs = jdbc.queryForList("SELECT r.provider, r.provider_message_id, r.part, m.segments"
                + " FROM sms_receipt_ref r JOIN sms_message m ON m.batch_id = r.batch_id AND m.id = r.message_id"
                + " WHERE r.batch_id = ?", id);
        for (Map<String, Object> ref : refs) {
            int segments = ((Number) ref.get("segments")).intValue();
            ids.put(segments == 1 ? 0 : ((Number) ref.get("part")).intValue(), (String) ref.get("provider_message_id"));
        }
        assertThat(ids).containsOnlyKeys(0, 1, 2);
        return new Batch(id, (String) refs.get(0).get("provider"), ids);
    }

    /** @param ids the provider's ids of the long message's parts 1 and 2, and (0) of the one-part message */
    private final class Batch {

        private final long id;
        private final String provider;
        private final Map<Integer, String> ids;

        Batch(long id, String provider, Map<Integer, String> ids) {
            this.id = id;
            this.provider = provider;
            this.ids = ids;
        }

        long id() {
            return id;
        }

        String firstPart() {
            return ids.get(1);
        }

        String secondPart() {
            return ids.get(2);
        }

        void report(String providerMessageId, ReceiptStatus status) {
            inbox.accept(new Receipt(provider, providerMessageId, status,
                    status == ReceiptStatus.DELIVERED ? null : "receipt:UNDELIV:001", null));
        }

        /** The one-part message's receipt, handed on after the others, is applied: so are they. */
        void markerReceived() {
            report(ids.get(0), ReceiptStatus.DELIVERED);
            operator().await("/api/v1/batches/" + id, b -> b.get("counts").get("delivered").asInt() >= 1, Duration.ofSeconds(10));
        }

        JsonNode longMessage() {
            for (JsonNode message : admin().get("/api/v1/batches/" + id + "/messages").json().get("items")) {
                if (message.get("segments").asInt() == 2) {
                    return message;
                }
            }
            throw new AssertionError("no two-part message in batch " + id);
        }
    }
}
