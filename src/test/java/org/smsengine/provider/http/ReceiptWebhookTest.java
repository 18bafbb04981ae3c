package org.smsengine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptStatus;
import org.smsengine.system.InvalidInputException;
import org.smsengine.system.UnauthenticatedException;

class ReceiptWebhookTest {

    private static final String SECRET = "s3cret";

    private final List<Receipt> handedOn = new ArrayList<>();
    private final ReceiptWebhook webhook = new HttpSetup(HttpDefinitions.anHttpProvider("http://peer/messages")
            .withReceipts(SECRET).build()).webhook(handedOn::add);

    @Test
    void aSignedReceiptIsReadByItsPointersAndHandedOn() throws Exception {
        ReceiptWebhook.Taken taken = take("{\"messageId\":\"m-1\",\"status\":\"Delivered\",\"doneAt\":\"2026-11-27T10:15:30+01:00\"}");

        assertThat(taken).isEqualTo(new ReceiptWebhook.Taken(1, 0));
        assertThat(handedOn).containsExactly(new Receipt("peer", "m-1", ReceiptStatus.DELIVERED, null,
                Instant.parse("2026-11-27T09:15:30Z")));
    }

    @Test
    void anArrayIsTakenWholeAndStatesThatAreNotFinalAreIgnored() throws Exception {
        ReceiptWebhook.Taken taken = take("[{\"messageId\":\"m-1\",\"status\":\"undelivered\",\"error\":\"042\",\"doneAt\":1764238530},"
                + "{\"messageId\":\"m-2\",\"status\":\"queued\"},{\"messageId\":77,\"status\":\"delivered\"}]");

        assertThat(taken).isEqualTo(new ReceiptWebhook.Taken(2, 1));
        assertThat(handedOn).containsExactly(
                new Receipt("peer", "m-1", ReceiptStatus.UNDELIVERED, "receipt:undelivered:042", Instant.ofEpochSecond(1764238530)),
                new Receipt("peer", "77", ReceiptStatus.DELIVERED, null, null));
    }

    @Test
    void aReceiptWithoutItsSignatureHandsNothingOn() {
        byte[] body = "{\"messageId\":\"m-1\",\"status\":\"delivered\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> webhook.take(Map.of("x-signature", "00ff")::get, body))
                .isInstanceOf(UnauthenticatedException.class).hasMessageContaining("peer");
        assertThatThrownBy(() -> webhook.take(name -> null, body)).isInstanceOf(UnauthenticatedException.class);
        assertThat(handedOn).isEmpty();
    }

    @Test
    void aBodyWithOneUnreadableReceiptHandsNoneOnAndNamesTheField() {
        assertThatThrownBy(() -> take("[{\"messageId\":\"m-1\",\"status\":\"delivered\"},{\"status\":\"delivered\"}]"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("messageId"));
        assertThatThrownBy(() -> take("{\"messageId\":\"m-1\"}")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("status"));
        assertThatThrownBy(() -> take("{\"messageId\":\"m-1\",\"status\":\"delivered\",\"doneAt\":\"yesterday\"}"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("doneAt"));
        assertThatThrownBy(() -> take("delivered")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("body"));
        assertThatThrownBy(() -> take("\"delivered\"")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("body"));
        assertThat(handedOn).isEmpty();
    }

    @Test
    void aReceiptTheEngineCouldNotStoreIsRefusedAtTheDoorNamingItsField() {
        assertRefused("[{\"messageId\":\"m-1\",\"status\":\"delivered\"},{\"messageId\":\"m\\u0000x\",\"status\":\"delivered\"}]",
                "messageId", "receipt 2 of 2");
        assertRefused("{\"messageId\":\"" + "7".repeat(200_000) + "\",\"status\":\"delivered\"}", "messageId", "200000");
        assertRefused("{\"messageId\":\"m-1\",\"status\":\"undelivered\",\"error\":\"0\\u00001\"}", "error", "printable");
        assertRefused("{\"messageId\":\"m-1\",\"status\":\"delivered\",\"doneAt\":\"+10000-01-01T00:00:00Z\"}", "doneAt", "");
        assertRefused("{\"messageId\":\"m-1\",\"status\":\"delivered\",\"doneAt\":9223372036854775807}", "doneAt", "range");
        assertRefused("{\"messageId\":\"m-1\",\"status\":\"delivered\",\"doneAt\":92233720368547758070}", "doneAt", "range");
        assertRefused("{\"messageId\":\"m-1\",\"status\":\"delivered\",\"doneAt\":253402300800}", "doneAt", "two years");
        assertThat(handedOn).isEmpty();
    }

    private void assertRefused(String json, String field, String detail) {
        assertThatThrownBy(() -> take(json)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.errors().get(0).field()).isEqualTo(field);
            assertThat(e.errors().get(0).message()).contains(detail).doesNotContain("\u0000");
        });
    }

    private ReceiptWebhook.Taken take(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(body));
        return webhook.take(name -> name.equalsIgnoreCase("X-Signature") ? signature : null, body);
    }
}
