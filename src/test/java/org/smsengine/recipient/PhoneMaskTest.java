package org.smsengine.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneMaskTest {

    @Test
    void keepsTheCountryCodeAndTheLastTwoDigitsOnly() {
        assertThat(PhoneMask.mask("+8613812348000")).isEqualTo("+86*********00");
        assertThat(PhoneMask.mask("+12015550123")).isEqualTo("+1********23");
        assertThat(PhoneMask.mask("+447911123456")).isEqualTo("+44********56");
        assertThat(PhoneMask.mask("+35312345678")).as("a three-digit code").isEqualTo("+353******78");
    }

    @Test
    void aMaskedNumberLeavesAHundredCandidatesAtLeast() {
        String masked = PhoneMask.mask("+12015550171");
        assertThat(masked.chars().filter(Character::isDigit).count()).isEqualTo(3);
        assertThat(masked).doesNotContain("2015").doesNotContain("0171");
    }

    @Test
    void aNumberAsUploadedKeepsOnlyItsLayoutAndLastTwoDigits() {
        assertThat(PhoneMask.mask("+1 201 555 012")).isEqualTo("+1 *** *** *12");
        assertThat(PhoneMask.mask("=1+2")).isEqualTo("=*+2");
        assertThat(PhoneMask.mask("2015550123")).as("no + and so no country code").isEqualTo("********23");
    }

    @Test
    void shortNumbersNeverShowEveryDigit() {
        assertThat(PhoneMask.mask("+4412")).isEqualTo("+44*2");
        assertThat(PhoneMask.mask("+44")).isEqualTo("+44");
        assertThat(PhoneMask.mask("SHOP")).as("an alphanumeric sender has no digit to hide").isEqualTo("SHOP");
        assertThat(PhoneMask.mask(null)).isNull();
    }
}
