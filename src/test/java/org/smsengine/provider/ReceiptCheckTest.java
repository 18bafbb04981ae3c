package org.smsengine.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReceiptCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void takesAnOrdinaryReceipt() {
        assertThat(ReceiptCheck.check("3f2a9c01", "000", NOW.minusSeconds(60), NOW)).isEmpty();
        assertThat(ReceiptCheck.check("x".repeat(64), null, null, NOW)).isEmpty();
    }

    @Test
    void refusesAnIdWithANul() {
        assertThat(ReceiptCheck.check("ab\u0000cd", null, null, NOW)).get()
                .extracting(ReceiptCheck.Fault::field, ReceiptCheck.Fault::reason).containsExactly("messageId", "id_not_printable");
    }

    @Test
    void refusesAnOverlongIdAndErrorAndAMissingId() {
        assertThat(ReceiptCheck.check("x".repeat(200_000), null, null, NOW)).get()
                .extracting(ReceiptCheck.Fault::reason).isEqualTo("id_too_long");
        assertThat(ReceiptCheck.check(" ", null, null, NOW)).get().extracting(ReceiptCheck.Fault::reason).isEqualTo("id_missing");
        assertThat(ReceiptCheck.check("1", "e".repeat(33), null, NOW)).get()
                .extracting(ReceiptCheck.Fault::reason).isEqualTo("error_too_long");
        assertThat(ReceiptCheck.check("1", "\u0000", null, NOW)).get()
                .extracting(ReceiptCheck.Fault::reason).isEqualTo("error_not_printable");
    }

    @Test
    void refusesADoneDateMoreThanTwoYearsAway() {
        assertThat(ReceiptCheck.check("1", null, Instant.parse("+10000-01-01T00:00:00Z"), NOW)).get()
                .extracting(ReceiptCheck.Fault::field).isEqualTo("doneAt");
        assertThat(ReceiptCheck.check("1", null, NOW.minus(Duration.ofDays(800)), NOW)).isPresent();
        assertThat(ReceiptCheck.check("1", null, NOW.plus(Duration.ofDays(700)), NOW)).isEmpty();
    }

    @Test
    void namesAnUnknownStatusWithoutEchoingWhatCannotBeShown() {
        assertThat(ReceiptCheck.unknownStatus("ENROUTE").detail()).contains("'ENROUTE'");
        assertThat(ReceiptCheck.unknownStatus("a\u0000b").detail()).doesNotContain("\u0000").contains("3 characters");
    }
}
