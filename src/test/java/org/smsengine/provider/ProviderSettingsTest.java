package org.smsengine.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ProviderSettingsTest {

    @Test
    void anSmppProvidersReceiptIdIsAutoUnlessNamedAsTheReadmeNamesIt() {
        assertThat(receiptId(Map.of())).isEqualTo(ProviderSettings.ReceiptId.AUTO);
        assertThat(receiptId(Map.of("sms.providers.definitions[0].smpp.receipt-id", "hex-to-decimal")))
                .isEqualTo(ProviderSettings.ReceiptId.HEX_TO_DECIMAL);
        assertThat(receiptId(Map.of("sms.providers.definitions[0].smpp.receipt-id", "decimal-to-hex")))
                .isEqualTo(ProviderSettings.ReceiptId.DECIMAL_TO_HEX);
        assertThat(receiptId(Map.of("sms.providers.definitions[0].smpp.receipt-id", "same")))
                .isEqualTo(ProviderSettings.ReceiptId.SAME);
    }

    private static ProviderSettings.ReceiptId receiptId(Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(settings);
        properties.put("sms.providers.definitions[0].name", "carrier");
        return new Binder(new MapConfigurationPropertySource(properties)).bind("sms.providers", ProviderSettings.class).get()
                .definitions().get(0).smpp().receiptId();
    }
}
