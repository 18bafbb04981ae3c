package org.smsengine.provider.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.MalformedReceipts;
import org.smsengine.provider.ProviderSettings.ReceiptId;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptSink;
import org.smsengine.provider.ReceiptStatus;

class ReceiptReceptionTest {

    private static final Instant NOW = Instant.parse("2026-11-22T14:10:00Z");

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final List<Receipt> taken = new ArrayList<>();
    private final List<String> raws = new ArrayList<>();
    private final ReceiptReception reception = new ReceiptReception("carrier", new ReceiptSink() {
        @Override
        public void accept(Receipt receipt) {
            throw new AssertionError("the receipt must be handed on with what it came as");
        }

        @Override
        public void accept(Receipt receipt, String raw) {
            taken.add(receipt);
            raws.add(raw);
        }
    }, new ReceiptIds(ReceiptId.SAME), new MalformedReceipts(meters), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aReceiptThatPassesIsHandedOnWithWhatItCameAs() {
        reception.take(text("id:1a2b sub:001 dlvrd:001 submit date:2611221405 done date:2611221407 stat:DELIVRD err:000 text:"));
        assertThat(taken).containsExactly(new Receipt("carrier", "1a2b", ReceiptStatus.DELIVERED, null,
                Instant.parse("2026-11-22T14:07:00Z")));
        assertThat(raws).containsExactly("id:1a2b sub:001 dlvrd:001 submit date:2611221405 done date:2611221407 stat:DELIVRD "
                + "err:000 text:");
        assertThat(meters.find("sms.receipts.malformed").counters()).isEmpty();
    }

    @Test
    void receiptsThatBreakTheRuleAreCountedByReasonAndNotHandedOn() {
        reception.take(text("id:ab\0cd stat:DELIVRD err:000"));
        reception.take(text("id:ab\0ce stat:DELIVRD err:000"));
        reception.take(text("id:1a2b stat:UNDELIV err:0\0"));
        reception.take(text("id:" + "9".repeat(65) + " stat:DELIVRD err:000"));
        reception.take(text("id:1a2b done date:0001010000 stat:DELIVRD err:000"));
        reception.take(text("id:1a2b stat:LOST err:000"));
        assertThat(taken).isEmpty();
        assertThat(malformed("id_not_printable")).isEqualTo(2);
        assertThat(malformed("error_not_printable")).isEqualTo(1);
        assertThat(malformed("id_too_long")).isEqualTo(1);
        assertThat(malformed("done_at_out_of_range")).isEqualTo(1);
        assertThat(malformed("status_unknown")).isEqualTo(1);
    }

    @Test
    void aPduFlaggedAsAReceiptWithNoIdAnywhereIsCountedAsUnreadable() {
        reception.take(ReceiptReader.read(new byte[0], new OptionalParameter[] {new OptionalParameter.Message_state((byte) 2)}));
        assertThat(taken).isEmpty();
        assertThat(malformed("unreadable")).isEqualTo(1);
    }

    @Test
    void aStateThatIsNotFinalIsNeitherTakenNorCounted() {
        reception.take(text("id:1a2b stat:ENROUTE err:000"));
        assertThat(taken).isEmpty();
        assertThat(meters.find("sms.receipts.malformed").counters()).isEmpty();
    }

    private double malformed(String reason) {
        return meters.get("sms.receipts.malformed").tags("provider", "carrier", "reason", reason).counter().count();
    }

    private static ReceiptReading text(String text) {
        return ReceiptReader.read(text.getBytes(StandardCharsets.ISO_8859_1), new OptionalParameter[0]);
    }
}
