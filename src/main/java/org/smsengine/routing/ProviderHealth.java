package org.smsengine.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.provider.Providers;
import org.smsengine.provider.SmsProvider;

/**
 * Whether each provider can take traffic now: enabled (operators' switch, read from the database by every
 * node), a session bound, and its circuit breaker (resilience4j, fed by submit outcomes) not open. Keeps
 * each provider's last failure for operators.
 */
final class ProviderHealth {

    private static final Logger log = LoggerFactory.getLogger(ProviderHealth.class);

    /** A provider's last failure: its text and when. */
    record LastError(String text, Instant at) {
    }

    private final Providers providers;
    private final CircuitBreakerRegistry breakers;
    private final ProviderStateMapper states;
    private volatile Set<String> disabled = Set.of();
    private final Map<String, LastError> lastErrors = new ConcurrentHashMap<>();

    ProviderHealth(Providers providers, RoutingSettings.Breaker breaker, ProviderStateMapper states) {
        this.providers = providers;
        this.states = states;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.window())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRate())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        for (SmsProvider provider : providers.all()) {
            breakers.circuitBreaker(provider.name()).getEventPublisher().onStateTransition(event ->
                    log.warn("Provider {}: circuit {}", provider.name(), event.getStateTransition()));
        }
    }

    CircuitBreakerRegistry breakers() {
        return breakers;
    }

    CircuitBreaker breaker(String provider) {
        return breakers.circuitBreaker(provider);
    }

    /** Reads which providers are disabled (every node, every {@code sms.routing.state-poll}). */
    void refresh() {
        disabled = states.findAll().stream().filter(state -> !state.enabled()).map(ProviderStateMapper.ProviderState::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** This node's view changed at once (the database has it for the others). */
    void changed(String provider, boolean enabled) {
        Set<String> now = new HashSet<>(disabled);
        if (enabled) {
            now.remove(provider);
        } else {
            now.add(provider);
        }
        disabled = Set.copyOf(now);
    }

    boolean enabled(String provider) {
        return !disabled.contains(provider);
    }

    /** Enabled, connected and its circuit not open: worth routing to (the breaker's permission is asked apart). */
    boolean usable(String provider) {
        if (!enabled(provider)) {
            return false;
        }
        SmsProvider.Sessions sessions = providers.get(provider).sessions();
        if (sessions.configured() > 0 && sessions.bound() == 0) {
            return false;
        }
        CircuitBreaker.State state = breaker(provider).getState();
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }

    /** Asks the breaker for one call (half-open lets a few probes through); must end in one of the three below. */
    boolean tryAcquire(String provider) {
        return breaker(provider).tryAcquirePermission();
    }

    void release(String provider) {
        breaker(provider).releasePermission();
    }

    void succeeded(String provider, long nanos) {
        breaker(provider).onSuccess(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(String provider, long nanos, String failure) {
        breaker(provider).onError(nanos, TimeUnit.NANOSECONDS, new ProviderFailure(provider, failure));
        noteError(provider, failure);
    }

    void noteError(String provider, String failure) {
        lastErrors.put(provider, new LastError(failure, Instant.now()));
    }

    LastError lastError(String provider) {
        return lastErrors.get(provider);
    }

    /** What the breaker records as the cause of a failed call (never thrown). */
    static final class ProviderFailure extends RuntimeException {

        ProviderFailure(String provider, String failure) {
            super(provider + ": " + failure, null, false, false);
        }
    }
}
