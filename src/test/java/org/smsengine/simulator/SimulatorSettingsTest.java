package org.smsengine.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SimulatorSettingsTest {

    @Test
    void receiptsAreTextInADeliverSmWithHexIdsUnlessToldOtherwise() {
        SimulatorSettings settings = bind(Map.of());
        assertThat(settings.receiptStyle()).isEqualTo(SimulatorSettings.ReceiptStyle.TEXT);
        assertThat(settings.receiptPdu()).isEqualTo(SimulatorSettings.ReceiptPdu.DELIVER_SM);
        assertThat(settings.idFormat()).isEqualTo(SimulatorSettings.IdFormat.HEX);
    }

    @Test
    void theReceiptFormsBindFromTheNamesTheReadmeGives() {
        SimulatorSettings settings = bind(Map.of("sms.simulator.receipt-style", "tlv", "sms.simulator.receipt-pdu", "data-sm",
                "sms.simulator.id-format", "hex-with-decimal-receipts"));
        assertThat(settings.receiptStyle()).isEqualTo(SimulatorSettings.ReceiptStyle.TLV);
        assertThat(settings.receiptPdu()).isEqualTo(SimulatorSettings.ReceiptPdu.DATA_SM);
        assertThat(settings.idFormat()).isEqualTo(SimulatorSettings.IdFormat.HEX_WITH_DECIMAL_RECEIPTS);
    }

    private static SimulatorSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("sms.simulator", SimulatorSettings.class);
    }
}
