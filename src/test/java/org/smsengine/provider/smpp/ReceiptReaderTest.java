package org.smsengine.provider.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.OptionalParameter.Network_error_code.Network_error_code_type;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.ReceiptStatus;

class ReceiptReaderTest {

    private static final String DELIVERED_TEXT =
            "id:1a2b3c sub:001 dlvrd:001 submit date:2611221405 done date:2611221407 stat:DELIVRD err:000 text:Hi";

    @Test
    void readsTheFieldsOfAStandardReceipt() {
        assertThat(read(DELIVERED_TEXT).receipt()).isEqualTo(new ReceiptReading.Final("1a2b3c", ReceiptStatus.DELIVERED, "000",
                null, Instant.parse("2026-11-22T14:07:00Z")));
    }

    @Test
    void agreesWithJsmppOnTheReceiptsItWrites() {
        for (DeliveryReceiptState state : new DeliveryReceiptState[] {DeliveryReceiptState.DELIVRD, DeliveryReceiptState.UNDELIV,
                DeliveryReceiptState.EXPIRED, DeliveryReceiptState.REJECTD, DeliveryReceiptState.DELETED}) {
            String text = new DeliveryReceipt("ab12", 1, 1, new Date(), new Date(), state, "042", "").toString();
            ReceiptReading.Final receipt = read(text).receipt();
            assertThat(receipt.id()).isEqualTo("ab12");
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
    void statesThatAreNotFinalGiveNeitherAReceiptNorAFault() {
        for (String text : new String[] {"id:1 sub:001 dlvrd:000 stat:ENROUTE err:000", "id:1 stat:ACCEPTD err:000",
                "id:1 stat:UNKNOWN err:000", "id:1 stat:BUFFRED err:000"}) {
            ReceiptReading reading = read(text);
            assertThat(reading.receipt()).as(text).isNull();
            assertThat(reading.fault()).as(text).isNull();
        }
    }

    @Test
    void toleratesCaseAndTwelveDigitDates() {
        ReceiptReading.Final receipt = read("ID:9 Sub:001 Dlvrd:001 Submit date:261122140510 Done date:261122140712 Stat:delivrd "
                + "Err:000 Text:x").receipt();
        assertThat(receipt.status()).isEqualTo(ReceiptStatus.DELIVERED);
        assertThat(receipt.doneAt()).isEqualTo(Instant.parse("2026-11-22T14:07:12Z"));
    }

    @Test
    void readsAReceiptGivenOnlyInTheStandardTlvsWithAnEmptyText() {
        ReceiptReading reading = ReceiptReader.read(new byte[0], new OptionalParameter[] {
                new OptionalParameter.Receipted_message_id("7f3a2b"), new OptionalParameter.Message_state((byte) 5),
                new OptionalParameter.Network_error_code(Network_error_code_type.GSM, (short) 1)});
        assertThat(reading.receipt()).isEqualTo(new ReceiptReading.Final("7f3a2b", ReceiptStatus.UNDELIVERED, "001",
                "receipt:UNDELIV:001", null));
        assertThat(reading.raw()).isEqualTo("[receipted_message_id=7f3a2b message_state=5 network_error_code=001]");
    }

    @Test
    void readsTheTextInMessagePayloadWhenShortMessageIsEmptyAndInADataSmWhichHasNone() {
        OptionalParameter payload = new OptionalParameter.Message_payload(DELIVERED_TEXT.getBytes(StandardCharsets.US_ASCII));
        assertThat(ReceiptReader.read(new byte[0], new OptionalParameter[] {payload}).receipt())
                .isEqualTo(read(DELIVERED_TEXT).receipt());
        assertThat(ReceiptReader.read(null, new OptionalParameter[] {payload}).receipt()).isEqualTo(read(DELIVERED_TEXT).receipt());
    }

    @Test
    void prefersTheTlvsForIdStateAndErrorOverWhatTheTextSays() {
        ReceiptReading.Final receipt = read("id:8338987 sub:001 dlvrd:001 submit date:2611221405 done date:2611221407 "
                + "stat:DELIVRD err:000 text:", new OptionalParameter.Receipted_message_id("7f3a2b"),
                new OptionalParameter.Message_state((byte) 8),
                new OptionalParameter.Network_error_code(Network_error_code_type.GSM, (short) 34)).receipt();
        assertThat(receipt).isEqualTo(new ReceiptReading.Final("7f3a2b", ReceiptStatus.REJECTED, "034", "receipt:REJECTD:034",
                Instant.parse("2026-11-22T14:07:00Z")));
    }

    @Test
    void everyMessageStateOfSmpp34IsReadAsTheTextStatsAre() {
        assertThat(state(2).receipt().status()).isEqualTo(ReceiptStatus.DELIVERED);
        assertThat(state(2).receipt().error()).isNull();
        assertThat(state(3).receipt().status()).isEqualTo(ReceiptStatus.EXPIRED);
        assertThat(state(4).receipt().status()).isEqualTo(ReceiptStatus.UNDELIVERED);
        assertThat(state(4).receipt().error()).isEqualTo("receipt:DELETED");
        assertThat(state(5).receipt().status()).isEqualTo(ReceiptStatus.UNDELIVERED);
        assertThat(state(8).receipt().status()).isEqualTo(ReceiptStatus.REJECTED);
        for (int notFinal : new int[] {1, 6, 7}) {      // ENROUTE, ACCEPTED, UNKNOWN
            assertThat(state(notFinal).receipt()).as("state %d", notFinal).isNull();
            assertThat(state(notFinal).fault()).as("state %d", notFinal).isNull();
        }
    }

    @Test
    void aStateTheStandardDoesNotDefineIsAnUnknownStatus() {
        assertThat(state(0).fault().reason()).isEqualTo("status_unknown");
        assertThat(state(9).fault().reason()).isEqualTo("status_unknown");
        assertThat(read("id:1 stat:GONE err:000").fault().reason()).isEqualTo("status_unknown");
        assertThat(read("id:1 sub:001 err:000").fault().reason()).isEqualTo("status_unknown");
    }

    @Test
    void aReceiptWithNoIdAnywhereIsUnreadable() {
        assertThat(read("hello world").fault().reason()).isEqualTo("unreadable");
        assertThat(ReceiptReader.read(new byte[0], new OptionalParameter[] {new OptionalParameter.Message_state((byte) 2)})
                .fault().reason()).isEqualTo("unreadable");
        assertThat(ReceiptReader.read(null, new OptionalParameter[0]).fault().reason()).isEqualTo("unreadable");
    }

    @Test
    void aNulInsideAnIdOrAnErrorIsKeptForTheCheckToRefuseAndShownPrintable() {
        ReceiptReading inText = read("id:ab\0cd sub:001 dlvrd:000 stat:UNDELIV err:0\0 text:");
        assertThat(inText.receipt().id()).isEqualTo("ab\0cd");
        assertThat(inText.receipt().errorCode()).isEqualTo("0\0");
        assertThat(inText.raw()).isEqualTo("id:ab\\x00cd sub:001 dlvrd:000 stat:UNDELIV err:0\\x00 text:");
        ReceiptReading inTlv = ReceiptReader.read(new byte[0], new OptionalParameter[] {
                new OptionalParameter.Receipted_message_id("ab\0cd".getBytes(StandardCharsets.US_ASCII)),
                new OptionalParameter.Message_state((byte) 2)});
        assertThat(inTlv.receipt().id()).isEqualTo("ab\0cd");
    }

    @Test
    void whatItCameAsIsCutToThreeHundredCharacters() {
        String raw = read("id:" + "x".repeat(400) + " stat:DELIVRD").raw();
        assertThat(raw).hasSize(300).startsWith("id:xxx").endsWith("...");
    }

    @Test
    void aNetworkErrorCodeOfThreeDigitsIsTakenAsTheyAre() {
        ReceiptReading.Final receipt = ReceiptReader.read(new byte[0], new OptionalParameter[] {
                new OptionalParameter.Receipted_message_id("1"), new OptionalParameter.Message_state((byte) 5),
                new OptionalParameter.Network_error_code("042".getBytes(StandardCharsets.US_ASCII))}).receipt();
        assertThat(receipt.error()).isEqualTo("receipt:UNDELIV:042");
    }

    private static ReceiptReading read(String text, OptionalParameter... tlvs) {
        return ReceiptReader.read(text.getBytes(StandardCharsets.ISO_8859_1), tlvs);
    }

    private static ReceiptReading state(int state) {
        return ReceiptReader.read(new byte[0], new OptionalParameter[] {new OptionalParameter.Receipted_message_id("1"),
                new OptionalParameter.Message_state((byte) state)});
    }

    private static ReceiptStatus status(String stat) {
        return read("id:1 stat:" + stat + " err:001").receipt().status();
    }
}
