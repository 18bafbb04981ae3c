package org.smsengine.provider.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.system.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The GATEWAY providers of {@code sms.providers}: creates them for the engine's provider list, and
 * tells the device endpoints the settings of each by name.
 */
@Component
public class GatewayProviders {

    private final Map<String, ProviderSettings.Definition> definitions = new LinkedHashMap<>();
    private final GatewayMessageMapper messages;
    private final PlatformTransactionManager transactionManager;

    GatewayProviders(ProviderSettings settings, GatewayMessageMapper messages, PlatformTransactionManager transactionManager) {
        this.messages = messages;
        this.transactionManager = transactionManager;
        settings.definitions().stream().filter(d -> d.type() == ProviderSettings.Type.GATEWAY)
                .forEach(d -> definitions.put(d.name(), d));
    }

    /** A provider of this definition (of type GATEWAY). */
    public GatewayProvider create(ProviderSettings.Definition definition) {
        if (definition.type() != ProviderSettings.Type.GATEWAY) {
            throw new IllegalArgumentException("provider '" + definition.name() + "' is not of type GATEWAY");
        }
        ProviderSettings.Gateway gateway = definition.gateway();
        if (gateway.lease().isNegative() || gateway.lease().isZero() || gateway.maxPerPull() < 1
                || gateway.maxPerReport() < 1 || gateway.maxAttempts() < 1 || gateway.queueCapacity() < 1) {
            throw new IllegalStateException("sms.providers.definitions: provider '" + definition.name()
                    + "': gateway.lease, max-per-pull, max-per-report, max-attempts and queue-capacity must be positive");
        }
        return new GatewayProvider(definition.name(), definition.gateway(), messages, transactionManager);
    }

    Optional<ProviderSettings.Gateway> settings(String provider) {
        return Optional.ofNullable(definitions.get(provider)).map(ProviderSettings.Definition::gateway);
    }

    /** How the provider of that name stands now; 404 for a name that is not a GATEWAY provider. */
    GatewayStatus status(String provider) {
        return messages.status(provider, require(provider).lease().toMillis());
    }

    /** The settings of the GATEWAY provider of that name; 404 for any other name. */
    ProviderSettings.Gateway require(String provider) {
        return settings(provider).orElseThrow(() -> new NotFoundException("gateway provider", "'" + provider + "'"));
    }
}
