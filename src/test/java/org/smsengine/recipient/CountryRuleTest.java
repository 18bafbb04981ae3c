package org.smsengine.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountryRuleTest {

    @Test
    void anAllowListLetsOnlyItsCountriesThroughAndADenyListAllButItsOwn() {
        CountryRule allow = CountryRule.of(List.of("us", " CA "), null);
        assertThat(allow.allows("US")).isTrue();
        assertThat(allow.allows("CA")).isTrue();
        assertThat(allow.allows("CN")).isFalse();
        CountryRule deny = CountryRule.of(List.of(), List.of("CN,NG"));
        assertThat(deny.allows("CN")).isFalse();
        assertThat(deny.allows("NG")).isFalse();
        assertThat(deny.allows("US")).isTrue();
        assertThat(CountryRule.of(null, null).isOpen()).isTrue();
    }

    @Test
    void itIsStoredAsTextAndReadBack() {
        CountryRule allow = CountryRule.of(List.of("US", "CA"), null);
        assertThat(allow.stored()).isEqualTo("allow:CA,US");
        assertThat(CountryRule.fromStored("allow:CA,US")).isEqualTo(allow);
        assertThat(CountryRule.fromStored(null)).isEqualTo(CountryRule.ALL);
        assertThat(CountryRule.ALL.stored()).isNull();
    }

    @Test
    void bothListsOrAnUnknownCodeAreRefusedByName() {
        assertThatThrownBy(() -> CountryRule.of(List.of("US"), List.of("CN"))).hasMessageContaining("not both");
        assertThatThrownBy(() -> CountryRule.of(List.of("US", "XX", "EU"), null)).hasMessageContaining("[XX, EU]");
    }

    @Test
    void aNumbersRegionIsItsCountryEvenUnderASharedCallingCode() {
        assertThat(PhoneNumbers.region("+8613800138000")).isEqualTo("CN");
        assertThat(PhoneNumbers.region("+12015550123")).isEqualTo("US");
        assertThat(PhoneNumbers.region("+14165550123")).as("Toronto, under +1").isEqualTo("CA");
        assertThat(PhoneNumbers.region("+4915123497959")).isEqualTo("DE");
        assertThat(PhoneNumbers.region("+999")).isEqualTo("ZZ");
    }
}
