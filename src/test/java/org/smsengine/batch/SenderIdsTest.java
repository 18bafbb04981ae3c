package org.smsengine.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SenderIdsTest {

    @Test
    void numericSendersHaveAtMostTwentyCharactersAPlusIncluded() {
        assertThat(SenderIds.problem("+1234567890123456789")).isEmpty();
        assertThat(SenderIds.problem("12345678901234567890")).isEmpty();
        assertThat(SenderIds.problem("+12345678901234567890")).isPresent();
    }

    @Test
    void alphanumericSendersHaveAtMostElevenAsciiLettersDigitsSpacesAndALittlePunctuation() {
        assertThat(SenderIds.problem("Shop 24-7")).isEmpty();
        assertThat(SenderIds.problem("A.B_C&D-E F")).isEmpty();
        assertThat(SenderIds.problem("TWELVE CHARS")).isPresent();
        assertThat(SenderIds.problem("SHÖP")).isPresent();
        assertThat(SenderIds.problem("\u0661\u0662\u0663")).as("Arabic-Indic digits are not numeric here").isPresent();
        assertThat(SenderIds.problem("+")).isPresent();
        assertThat(SenderIds.problem("SHOP!")).isPresent();
    }
}
