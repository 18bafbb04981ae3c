package org.smsengine.provider.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.smsengine.provider.ProviderSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Builds an HTTP provider's definition as the engine binds it from {@code sms.providers}: keys as
 * they are written in YAML, every default applied by the binder.
 */
final class HttpDefinitions {

    private final Map<String, Object> properties = new LinkedHashMap<>();

    private HttpDefinitions() {
    }

    /** A provider named {@code peer} at {@code url}, answering {@code {"messageId": ...}}. */
    static HttpDefinitions anHttpProvider(String url) {
        return new HttpDefinitions().with("name", "peer").with("type", "HTTP").with("http.url", url);
    }

    /** With receipts by webhook, HMAC-signed under {@code secret}, in the simulator's shape. */
    HttpDefinitions withReceipts(String secret) {
        return with("http.receipts.message-id", "/messageId").with("http.receipts.status", "/status")
                .with("http.receipts.error", "/error").with("http.receipts.done-at", "/doneAt")
                .with("http.receipts.statuses.delivered", "DELIVERED").with("http.receipts.statuses.undelivered", "UNDELIVERED")
                .with("http.receipts.verify", "HMAC_SHA256").with("http.receipts.secret", secret);
    }

    /** {@code key} below the definition, as in YAML: {@code http.answer.message-id}. */
    HttpDefinitions with(String key, Object value) {
        properties.put("sms.providers.definitions[0]." + key, value);
        return this;
    }

    HttpDefinitions without(String key) {
        properties.remove("sms.providers.definitions[0]." + key);
        return this;
    }

    ProviderSettings.Definition build() {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("sms.providers", ProviderSettings.class)
                .get().definitions().get(0);
    }
}
