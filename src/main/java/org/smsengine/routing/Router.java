package org.smsengine.routing;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.recipient.PhoneNumbers;
import org.smsengine.provider.SubmitResult;

/**
 * Chooses the provider of each message of a claimed page, and learns from each submit's outcome. A page
 * is routed at once: which providers can take traffic is judged once per page; each message then costs a
 * look through the route rules and, for a weighted route, a step of its round robin. A message whose
 * parts a provider already took in part stays with that provider (its parts belong together); one whose
 * last attempt failed in a way that means "switch" goes to another provider of its route when there is
 * one, and one asked to "retry the same" goes back to its provider when it can take traffic.
 * Each message routed holds a call of its provider's circuit breaker until {@link #record} or
 * {@link #release}.
 */
public final class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    /** The error of a message none of whose route's providers could take traffic when it was to go. */
    public static final String NO_PROVIDER = "route:no_provider";

    /** A message to route: its number and country, the provider it is pinned to, and how its last attempt ended. */
    public record Destination(String phone, String country, String pinned, String lastProvider, String lastError) {
    }

    private final RouteTable table;
    private final FailureRules failures;
    private final ProviderHealth health;
    private final Prices prices;
    private final MeterRegistry meters;

    Router(RouteTable table, FailureRules failures, ProviderHealth health, Prices prices, MeterRegistry meters) {
        this.table = table;
        this.failures = failures;
        this.health = health;
        this.prices = prices;
        this.meters = meters;
    }

    /**
     * The provider of each message of a batch with that sender and tag, in order; null where none of its route can
     * take traffic now.
     */
    public List<String> assign(String sender, String tag, List<Destination> page) {
        Map<String, Boolean> usable = new HashMap<>();
        List<String> chosen = new ArrayList<>(page.size());
        for (Destination destination : page) {
            String country = country(destination);
            RouteTable.Rule rule = table.match(country, destination.phone(), sender, tag);
            chosen.add(choose(rule, destination, country, usable));
        }
        return chosen;
    }

    private String choose(RouteTable.Rule rule, Destination destination, String country, Map<String, Boolean> usable) {
        if (destination.pinned() != null) {
            return take(destination.pinned(), usable) ? destination.pinned() : null;
        }
        FailureRules.Meaning last = failures.meaningOf(destination.lastError());
        String previous = destination.lastProvider();
        if (previous != null && last != null && last.action() != FailureAction.SWITCH && rule.providers().contains(previous)
                && take(previous, usable)) {
            return previous;
        }
        String avoid = last != null && last.action() == FailureAction.SWITCH ? previous : null;
        while (true) {
            String pick = pick(rule, country, usable, avoid);
            if (pick == null && avoid != null) {
                avoid = null;       // the provider that failed is the only one left: it gets the retry
                continue;
            }
            if (pick == null || take(pick, usable)) {
                return pick;
            }
        }
    }

    /** The breaker's permission for one call; a provider that refuses it is left out for the rest of the page. */
    private boolean take(String provider, Map<String, Boolean> usable) {
        if (!usable.computeIfAbsent(provider, health::usable)) {
            return false;
        }
        if (health.tryAcquire(provider)) {
            return true;
        }
        usable.put(provider, false);
        return false;
    }

    private String pick(RouteTable.Rule rule, String country, Map<String, Boolean> usable, String avoid) {
        List<String> providers = rule.providers();
        boolean[] candidates = new boolean[providers.size()];
        boolean any = false;
        for (int i = 0; i < candidates.length; i++) {
            String provider = providers.get(i);
            candidates[i] = !provider.equals(avoid) && usable.computeIfAbsent(provider, health::usable);
            any |= candidates[i];
        }
        if (!any) {
            return null;
        }
        return switch (rule.strategy()) {
            case WEIGHTED -> providers.get(rule.rotation().next(candidates));
            case PRIORITY -> providers.get(first(candidates));
            case LEAST_COST -> cheapest(providers, candidates, country);
        };
    }

    private static int first(boolean[] candidates) {
        for (int i = 0; i < candidates.length; i++) {
            if (candidates[i]) {
                return i;
            }
        }
        return -1;
    }

    private String cheapest(List<String> providers, boolean[] candidates, String country) {
        String best = null;
        long bestPrice = Long.MAX_VALUE;
        for (int i = 0; i < candidates.length; i++) {
            long price = prices.segmentMicros(providers.get(i), country);
            if (candidates[i] && price < bestPrice) {
                best = providers.get(i);
                bestPrice = price;
            }
        }
        return best;
    }

    /** Whether the provider can take traffic now (enabled, connected, its circuit not open). */
    public boolean usable(String provider) {
        return health.usable(provider);
    }

    /** A message routed to the provider will not be submitted after all (the step is stopping). */
    public void release(String provider) {
        health.release(provider);
    }

    /**
     * What the provider's answer means, fed to its circuit breaker: a failure that means "switch" counts
     * against it; any other answer shows it alive. Returns null for an accepted message.
     */
    public FailureAction record(String provider, SubmitResult result, long nanos) {
        FailureRules.Meaning meaning = failures.meaningOf(result);
        if (meaning != null && meaning.action() == FailureAction.SWITCH) {
            health.failed(provider, nanos, result.failure());
        } else {
            health.succeeded(provider, nanos);
            if (meaning != null) {
                health.noteError(provider, result.failure());
            }
        }
        if (meaning != null && meaning.alert()) {
            log.error("Provider {}: {} (an alerting failure rule)", provider, result.failure());
            meters.counter("sms.provider.alerts", "provider", provider).increment();
        }
        return meaning == null ? null : meaning.action();
    }

    /** The message's country: as validation found it, or looked up for a message stored before it did. */
    static String country(Destination destination) {
        return destination.country() != null ? destination.country() : PhoneNumbers.region(destination.phone());
    }

    public Prices prices() {
        return prices;
    }
}
