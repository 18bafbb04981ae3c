package org.smsengine.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.smsengine.provider.ProviderSettings;
import org.smsengine.provider.Providers;
import org.smsengine.provider.SmsProvider;
import org.smsengine.system.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Operating providers: how each one is doing, and switching one off (drained) or on, audited. */
@Component
class ProviderDesk {

    private static final float DEGRADED_AT = 10;

    private final Providers providers;
    private final ProviderHealth health;
    private final ProviderStateMapper states;
    private final ObjectProvider<ProviderRates> rates;

    ProviderDesk(Providers providers, ProviderHealth health, ProviderStateMapper states, ObjectProvider<ProviderRates> rates) {
        this.providers = providers;
        this.health = health;
        this.states = states;
        this.rates = rates;
    }

    List<ProviderView> all() {
        return providers.all().stream().map(provider -> view(provider.name())).toList();
    }

    ProviderView view(String name) {
        SmsProvider provider = find(name);
        ProviderSettings.Definition definition = providers.definition(name);
        CircuitBreaker breaker = health.breaker(name);
        SmsProvider.Sessions sessions = provider.sessions();
        float failureRate = breaker.getMetrics().getFailureRate();
        boolean enabled = health.enabled(name);
        String status = !health.usable(name) ? "DOWN"
                : breaker.getState() == CircuitBreaker.State.HALF_OPEN || sessions.bound() < sessions.configured()
                        || failureRate >= DEGRADED_AT ? "DEGRADED" : "UP";
        ProviderRates current = rates.getIfAvailable();
        ProviderHealth.LastError last = health.lastError(name);
        return new ProviderView(name, definition.type().name(), enabled, status, breaker.getState().name(),
                definition.tps(), current == null ? definition.tps() : current.currentTps(name),
                new ProviderView.Sessions(sessions.bound(), sessions.configured()),
                failureRate < 0 ? null : BigDecimal.valueOf(failureRate).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP),
                last == null ? null : last.text(), last == null ? null : last.at());
    }

    /** Switches the provider on or off for every node; the audit names who and why. Switching off drains: no new message goes to it, those in flight finish. */
    @Transactional
    ProviderView switchTo(String name, boolean enabled, String actor, String reason) {
        find(name);
        states.save(name, enabled, actor, reason);
        states.audit(name, enabled ? "enable" : "disable", actor, reason);
        health.changed(name, enabled);
        return view(name);
    }

    private SmsProvider find(String name) {
        return providers.all().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("Provider", name));
    }
}
