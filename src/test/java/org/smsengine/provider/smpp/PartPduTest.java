package org.smsengine.provider.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.OutgoingMessage;
import org.smsengine.template.SmsEncoding;

class PartPduTest {

    @Test
    void aValidUntilTravelsAsAnAbsoluteTimeInUtc() {
        assertThat(PartPdu.validityPeriod(Instant.parse("2026-11-27T15:30:00.400Z"))).isEqualTo("261127153000400+");
        assertThat(PartPdu.validityPeriod(null)).isNull();
    }

    @Test
    void everyPartOfAMessageCarriesItsValidity() {
        OutgoingMessage message = new OutgoingMessage(7, "SHOP", "+8613800138000", "a".repeat(200), SmsEncoding.GSM7, 2,
                Set.of(), Instant.parse("2026-11-27T15:30:00Z"));
        List<PartPdu> parts = PartPdu.of(message);
        assertThat(parts).hasSize(2).allSatisfy(part -> assertThat(part.validityPeriod()).isEqualTo("261127153000000+"));
    }

    @Test
    void aMessageWithoutLimitHasNoValidityPeriod() {
        OutgoingMessage message = new OutgoingMessage(7, null, "+8613800138000", "hi", SmsEncoding.GSM7, 1, Set.of(), null);
        assertThat(PartPdu.of(message).get(0).validityPeriod()).isNull();
    }
}
