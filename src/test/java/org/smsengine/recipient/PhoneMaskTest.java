package org.smsengine.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneMaskTest {

    @Test
    void keepsTheStartAndTheLastFourDigits() {
        assertThat(PhoneMask.mask("+8613812348000")).isEqualTo("+86138****8000");
        assertThat(PhoneMask.mask("+12015507799")).isEqualTo("+12015****7799");
    }

    @Test
    void shortNumbersShowOnlyTheirEnd() {
        assertThat(PhoneMask.mask("+4412345")).isEqualTo("****2345");
        assertThat(PhoneMask.mask(null)).isNull();
    }
}
