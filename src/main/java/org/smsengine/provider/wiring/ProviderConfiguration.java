package org.smsengine.provider.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.provider.BindLeases;
import org.smsengine.provider.InboundSink;
import org.smsengine.provider.MalformedReceipts;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.provider.Providers;
import org.smsengine.provider.ReceiptSink;
import org.smsengine.provider.SmsProvider;
import org.smsengine.provider.gateway.GatewayProviders;
import org.smsengine.provider.http.HttpProvider;
import org.smsengine.provider.smpp.SmppProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the configured providers. Each keeps trying to connect in the background: the engine starts without them. */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);

    @Bean
    Providers providers(ProviderSettings settings, ReceiptSink receiptSink, InboundSink inboundSink,
            GatewayProviders gateways, ObjectProvider<BindLeases> leases, MeterRegistry meters) {
        BindLeases bindLeases = leases.getIfAvailable(() -> BindLeases.UNLIMITED);
        MalformedReceipts malformed = new MalformedReceipts(meters);
        Map<String, SmsProvider> byName = new LinkedHashMap<>();
        Map<String, ProviderSettings.Definition> definitions = new LinkedHashMap<>();
        for (ProviderSettings.Definition definition : settings.definitions()) {
            if (definition.name() == null || definition.name().isBlank() || byName.containsKey(definition.name())) {
                throw new IllegalStateException("sms.providers.definitions: every provider needs a name of its own");
            }
            definitions.put(definition.name(), definition);
            byName.put(definition.name(), switch (definition.type()) {
                case SMPP -> new SmppProvider(definition, receiptSink, inboundSink,
                        definition.maxBinds() > 0 ? bindLeases : BindLeases.UNLIMITED, malformed);
                case HTTP -> new HttpProvider(definition, receiptSink);
                case GATEWAY -> gateways.create(definition);
            });
        }
        String defaultName = settings.defaultProvider() != null && !settings.defaultProvider().isBlank() ? settings.defaultProvider()
                : byName.keySet().stream().findFirst().orElse(null);
        if (defaultName != null && !byName.containsKey(defaultName)) {
            throw new IllegalStateException("sms.providers.default-provider names '" + defaultName
                    + "', which is not among the providers " + byName.keySet());
        }
        if (byName.isEmpty()) {
            log.warn("No provider is configured (sms.providers.definitions): batches can be prepared but not delivered");
        }
        return new Providers(byName, definitions, defaultName);
    }
}
