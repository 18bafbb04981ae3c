package org.smsengine.provider.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptStatus;

class ReceiptReaderTest {

    @Test
    void readsTheFieldsOfAStandardReceipt() {
        Receipt receipt = ReceiptReader.read("p",
                "id:1a2b3c sub:001 dlvrd:001 submit date:2611221405 done date:2611221407 stat:DELIVRD err:000 text:Hi").orElseThrow();
        assertThat(receipt).isEqualTo(new Receipt("p", "1a2b3c", ReceiptStatus.DELIVERED, null,
                Instant.parse("2026-11-22T14:07:00Z")));
    }

    @Test
    void agreesWithJsmppOnTheReceiptsItWrites() {
        for (DeliveryReceiptState state : new DeliveryReceiptState[] {DeliveryReceiptState.DELIVRD, DeliveryReceiptState.UNDELIV,
                DeliveryReceiptState.EXPIRED, DeliveryReceiptState.REJECTD, DeliveryReceiptState.DELETED}) {
            String text = new DeliveryReceipt("ab12", 1, 1, new Date(), new Date(), state, "042", "").toString();
            Receipt receipt = ReceiptReader.read("p", text).orElseThrow();
            assertThat(receipt.providerMessageId()).isEqualTo("ab12");
            assertThat(receipt.doneAt()).isNotNull();
            if (state != DeliveryReceiptState.DELIVRD) {
                assertThat(receipt.error()).isEqualTo("receipt:" + state + ":042");
            }
        }
    }

    @Test
    void failedStatesMapToTheMessageStatusesTheyMean() {
        assertThat(status("UNDELIV")).isEqualTo(ReceiptStatus.UNDELIVERED);
        assertThat(status("DELETED")).isEqualTo(ReceiptStatus.UNDELIVERED);
        assertThat(status("EXPIRED")).isEqualTo(ReceiptStatus.EXPIRED);
        assertThat(status("REJECTD")).isEqualTo(ReceiptStatus.REJECTED);
    }

    @Test
    void statesThatAreNotFinalAndTextsThatAreNotReceiptsGiveNothing() {
        assertThat(ReceiptReader.read("p", "id:1 sub:001 dlvrd:000 stat:ENROUTE err:000")).isEmpty();
        assertThat(ReceiptReader.read("p", "id:1 stat:ACCEPTD err:000")).isEmpty();
        assertThat(ReceiptReader.read("p", "hello world")).isEmpty();
    }

    @Test
    void toleratesCaseAndTwelveDigitDates() {
        Receipt receipt = ReceiptReader.read("p", "ID:9 Sub:001 Dlvrd:001 Submit date:261122140510 Done date:261122140712 Stat:delivrd Err:000 Text:x")
                .orElseThrow();
        assertThat(receipt.status()).isEqualTo(ReceiptStatus.DELIVERED);
        assertThat(receipt.doneAt()).isEqualTo(Instant.parse("2026-11-22T14:07:12Z"));
    }

    private static ReceiptStatus status(String stat) {
        return ReceiptReader.read("p", "id:1 stat:" + stat + " err:001").orElseThrow().status();
    }
}
