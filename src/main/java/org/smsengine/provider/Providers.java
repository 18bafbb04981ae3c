package org.smsengine.provider;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;

/** The configured providers by name, created at start-up and closed at shutdown. */
public class Providers implements DisposableBean {

    private final Map<String, SmsProvider> byName;
    private final Map<String, ProviderSettings.Definition> definitions;
    private final String defaultName;

    /** Built once by {@code provider.wiring}, from the settings. */
    public Providers(Map<String, SmsProvider> byName, Map<String, ProviderSettings.Definition> definitions, String defaultName) {
        this.byName = new LinkedHashMap<>(byName);
        this.definitions = definitions;
        this.defaultName = defaultName;
    }

    /** The provider of that name, or the default one when {@code name} is null. */
    public SmsProvider get(String name) {
        String wanted = name == null ? defaultName : name;
        SmsProvider provider = byName.get(wanted);
        if (provider == null) {
            throw new UnknownProviderException(wanted, byName.keySet());
        }
        return provider;
    }

    /** Every provider, in the order of their definitions. */
    public Collection<SmsProvider> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    /** How the provider of that name was defined. */
    public ProviderSettings.Definition definition(String name) {
        ProviderSettings.Definition definition = definitions.get(name);
        if (definition == null) {
            throw new UnknownProviderException(name, byName.keySet());
        }
        return definition;
    }

    public String defaultName() {
        return defaultName;
    }

    public int tps(String name) {
        return definitions.get(name).tps();
    }

    /** Requests the provider may have in flight at once: its window on each of its sessions. */
    public int inFlight(String name) {
        ProviderSettings.Definition definition = definitions.get(name);
        return definition.window() * definition.sessions();
    }

    @Override
    public void destroy() {
        byName.values().forEach(SmsProvider::close);
    }
}
