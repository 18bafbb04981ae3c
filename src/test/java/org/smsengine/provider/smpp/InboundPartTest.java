package org.smsengine.provider.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;
import org.junit.jupiter.api.Test;

class InboundPartTest {

    @Test
    void aPlainMessageIsOnePartFromAnE164Number() {
        DeliverSm pdu = InboundPdus.deliverSm("8613800138000", "SHOP", 0, "STOP".getBytes(StandardCharsets.US_ASCII));
        InboundPart part = InboundPart.of(pdu, pdu.getShortMessage());
        assertThat(part.single()).isTrue();
        assertThat(part.from()).isEqualTo("+8613800138000");
        assertThat(part.to()).isEqualTo("SHOP");
    }

    @Test
    void theUdhIsStrippedAndItsEightBitReferenceRead() {
        DeliverSm pdu = InboundPdus.ucs2Parts("8613800138000", "10086", "退订" + "x".repeat(70), 67, 0xAB).get(1);
        InboundPart part = InboundPart.of(pdu, pdu.getShortMessage());
        assertThat(part).extracting(InboundPart::reference, InboundPart::total, InboundPart::seq).containsExactly(0xAB, 2, 2);
        assertThat(InboundDecoder.text(part.dataCoding(), part.payload())).isEqualTo("xxxxx");
    }

    @Test
    void aSixteenBitReferenceIsReadBesideOtherElements() {
        byte[] elements = {0x24, 0x01, 0x00, 0x08, 0x04, 0x12, 0x34, 0x03, 0x02};   // a language shift first, then IEI 0x08
        DeliverSm pdu = InboundPdus.deliverSm("8613800138000", "SHOP", 0, InboundPdus.withUdh(elements, new byte[] {0x41}));
        pdu.setUdhi();
        InboundPart part = InboundPart.of(pdu, pdu.getShortMessage());
        assertThat(part).extracting(InboundPart::reference, InboundPart::total, InboundPart::seq).containsExactly(0x1234, 3, 2);
        assertThat(part.payload()).containsExactly(0x41);
    }

    @Test
    void theSarParametersNumberAPartWithoutAHeader() {
        DeliverSm pdu = InboundPdus.sar("8613800138000", "SHOP", new byte[] {0x41}, 0x0102, 2, 1);
        InboundPart part = InboundPart.of(pdu, pdu.getShortMessage());
        assertThat(part).extracting(InboundPart::reference, InboundPart::total, InboundPart::seq).containsExactly(0x0102, 2, 1);
    }

    @Test
    void theTextMayComeInTheMessagePayloadParameter() {
        DeliverSm pdu = InboundPdus.deliverSm("8613800138000", "SHOP", 0x03, new byte[0]);
        pdu.setOptionalParameters(new OptionalParameter.Message_payload(new byte[] {'c', 'a', 'f', (byte) 0xE9}));
        InboundPart part = InboundPart.of(pdu, pdu.getShortMessage());
        assertThat(InboundDecoder.text(part.dataCoding(), part.payload())).isEqualTo("café");
    }

    @Test
    void onlyNumbersBecomeE164() {
        assertThat(InboundPart.handset(TypeOfNumber.UNKNOWN.value(), "447700900123")).isEqualTo("+447700900123");
        assertThat(InboundPart.handset(TypeOfNumber.INTERNATIONAL.value(), "+447700900123")).isEqualTo("+447700900123");
        assertThat(InboundPart.handset(TypeOfNumber.ALPHANUMERIC.value(), "Alice")).isEqualTo("Alice");
        assertThat(InboundPart.handset(TypeOfNumber.NATIONAL.value(), "07700900123")).isEqualTo("07700900123");
    }
}
