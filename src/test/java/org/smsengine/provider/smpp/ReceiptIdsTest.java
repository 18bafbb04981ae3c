package org.smsengine.provider.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smsengine.provider.ProviderSettings.ReceiptId;

class ReceiptIdsTest {

    @Test
    void sameKeepsBothSidesAsTheyCame() {
        ReceiptIds ids = new ReceiptIds(ReceiptId.SAME);
        assertThat(ids.answered("00A1B2")).isEqualTo("00A1B2");
        assertThat(ids.receipt("41394")).isEqualTo("41394");
        assertThat(ids.alternatives("41394")).isEmpty();
    }

    @Test
    void hexToDecimalKeepsBothSidesInDecimalWhateverTheCaseAndLeadingZeros() {
        ReceiptIds ids = new ReceiptIds(ReceiptId.HEX_TO_DECIMAL);
        assertThat(ids.answered("00A1B2")).isEqualTo("41394");
        assertThat(ids.answered("a1b2")).isEqualTo("41394");
        assertThat(ids.receipt("0041394")).isEqualTo("41394");
        assertThat(ids.alternatives("41394")).isEmpty();
    }

    @Test
    void decimalToHexKeepsBothSidesInDecimal() {
        ReceiptIds ids = new ReceiptIds(ReceiptId.DECIMAL_TO_HEX);
        assertThat(ids.answered("0012345")).isEqualTo("12345");
        assertThat(ids.receipt("3039")).isEqualTo("12345");
        assertThat(ids.receipt("00003039")).isEqualTo("12345");
    }

    @Test
    void idsThatAreNotNumbersOfSixtyFourBitsStayAsTheyCame() {
        ReceiptIds ids = new ReceiptIds(ReceiptId.HEX_TO_DECIMAL);
        String uuid = "3f2a9c01-7b4e-4c55-9a61-0e8f1d2c3b4a";
        assertThat(ids.answered(uuid)).isEqualTo(uuid);
        assertThat(ids.answered("1234567890abcdef1")).isEqualTo("1234567890abcdef1");     // 17 hex digits
        assertThat(new ReceiptIds(ReceiptId.DECIMAL_TO_HEX).receipt(uuid)).isEqualTo(uuid);
    }

    @Test
    void autoTriesTheHexFormOfADecimalReceiptWhileTheAnswersAreHex() {
        ReceiptIds ids = new ReceiptIds(ReceiptId.AUTO);
        assertThat(ids.answered("1a2b3c")).isEqualTo("1a2b3c");
        assertThat(ids.receipt("1715004")).isEqualTo("1715004");
        assertThat(ids.alternatives("1715004")).containsExactly("1a2b3c");
    }

    @Test
    void autoWritesTheHexFormInTheCaseAndWidthOfTheAnswers() {
        ReceiptIds ids = new ReceiptIds(ReceiptId.AUTO);
        ids.answered("001A2B3C");
        assertThat(ids.alternatives("1715004")).containsExactly("001A2B3C");
    }

    @Test
    void autoTriesTheDecimalFormOfAHexReceiptWhileTheAnswersAreDecimal() {
        ReceiptIds ids = new ReceiptIds(ReceiptId.AUTO);
        ids.answered("12345");
        assertThat(ids.alternatives("3039")).as("digits only, and no receipt with letters yet: taken as decimal").isEmpty();
        assertThat(ids.alternatives("1a2b")).containsExactly("6699");
        assertThat(ids.alternatives("3039")).as("the receipts have shown letters: hexadecimal").containsExactly("12345");
    }

    @Test
    void autoOffersNoConversionWhenBothSidesLookAlike() {
        ReceiptIds decimal = new ReceiptIds(ReceiptId.AUTO);
        decimal.answered("1048576");
        assertThat(decimal.alternatives("100000")).isEmpty();
        ReceiptIds hex = new ReceiptIds(ReceiptId.AUTO);
        hex.answered("1a2b3c");
        assertThat(hex.alternatives("1a2b3d")).isEmpty();
        assertThat(hex.alternatives("100200")).as("receipts with letters seen: both sides hex").isEmpty();
        ReceiptIds uuids = new ReceiptIds(ReceiptId.AUTO);
        uuids.answered("3f2a9c01-7b4e-4c55-9a61-0e8f1d2c3b4a");
        assertThat(uuids.alternatives("3f2a9c01-7b4e-4c55-9a61-0e8f1d2c3b4a")).isEmpty();
        assertThat(new ReceiptIds(ReceiptId.AUTO).alternatives("12345")).as("nothing answered yet").isEmpty();
    }

    @Test
    void autoFollowsTheRecentIdsNotTheFirstOnes() {
        ReceiptIds ids = new ReceiptIds(ReceiptId.AUTO);
        ids.answered("1a2b3c");
        ids.alternatives("abcdef");     // a receipt with letters: both sides hex
        assertThat(ids.alternatives("1715004")).isEmpty();
        for (int i = 0; i < 64; i++) {
            ids.alternatives(Integer.toString(1_000_000 + i));      // the SMSC's receipts have been decimal for a while
        }
        assertThat(ids.alternatives("1715004")).containsExactly("1a2b3c");
    }
}
