package org.smsengine.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.smsengine.recipient.PhoneNumbers;

/**
 * The route rules, checked at start-up: each names providers that exist, with positive weights. The
 * first rule whose conditions hold routes a message; with none, the implicit default route does: the
 * default provider, and the others in turn when it cannot take traffic.
 */
final class RouteTable {

    /** A compiled rule: its conditions, its providers (indexes into the provider list) and their weights. */
    record Rule(String name, Set<String> countries, List<String> prefixes, Set<String> senders, Set<String> tags,
            RoutingSettings.Strategy strategy, List<String> providers, List<Integer> weights, WeightedRoundRobin rotation) {

        int weight(String provider) {
            return weights.get(providers.indexOf(provider));
        }

        boolean matches(String country, String phone, String sender, String tag) {
            return (countries.isEmpty() || countries.contains(country))
                    && (senders.isEmpty() || senders.contains(sender == null ? "" : sender))
                    && (tags.isEmpty() || tags.contains(tag == null ? "" : tag))
                    && (prefixes.isEmpty() || prefixes.stream().anyMatch(phone::startsWith));
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Rule fallback;

    RouteTable(List<RoutingSettings.Route> routes, List<String> providers, String defaultProvider) {
        for (int i = 0; i < routes.size(); i++) {
            rules.add(compile("sms.routing.routes[" + i + "]", routes.get(i), providers));
        }
        List<String> inTurn = new ArrayList<>();
        if (defaultProvider != null) {
            inTurn.add(defaultProvider);
        }
        providers.stream().filter(p -> !p.equals(defaultProvider)).forEach(inTurn::add);
        fallback = new Rule("default", Set.of(), List.of(), Set.of(), Set.of(), RoutingSettings.Strategy.PRIORITY, inTurn,
                inTurn.stream().map(p -> 1).toList(), new WeightedRoundRobin(inTurn.stream().mapToInt(p -> 1).toArray()));
    }

    private static Rule compile(String key, RoutingSettings.Route route, List<String> known) {
        String name = route.name() == null || route.name().isBlank() ? key : route.name();
        if (route.providers().isEmpty()) {
            throw new IllegalStateException(key + ".providers: a route names at least one provider");
        }
        for (RoutingSettings.Target target : route.providers()) {
            if (!known.contains(target.name())) {
                throw new IllegalStateException(key + ".providers: '" + target.name()
                        + "' is not among the providers " + known + " (sms.providers.definitions)");
            }
            if (target.weight() < 1) {
                throw new IllegalStateException(key + ".providers: the weight of '" + target.name() + "' must be 1 or more");
            }
        }
        for (String country : route.countries()) {
            if (!PhoneNumbers.isSupportedRegion(country)) {
                throw new IllegalStateException(key + ".countries: '" + country + "' is not a country code (ISO 3166 alpha-2)");
            }
        }
        for (String prefix : route.prefixes()) {
            if (!prefix.matches("\\+[1-9][0-9]{0,14}")) {
                throw new IllegalStateException(key + ".prefixes: '" + prefix + "' is not an E.164 prefix such as +1415");
            }
        }
        return new Rule(name,
                route.countries().stream().map(c -> c.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
                List.copyOf(route.prefixes()), Set.copyOf(route.senders()), Set.copyOf(route.tags()), route.strategy(),
                route.providers().stream().map(RoutingSettings.Target::name).toList(),
                route.providers().stream().map(RoutingSettings.Target::weight).toList(),
                new WeightedRoundRobin(route.providers().stream().mapToInt(RoutingSettings.Target::weight).toArray()));
    }

    /** The rule that routes a message to that number and country of a batch with that sender and tag. */
    Rule match(String country, String phone, String sender, String tag) {
        for (Rule rule : rules) {
            if (rule.matches(country, phone, sender, tag)) {
                return rule;
            }
        }
        return fallback;
    }

    List<Rule> rules() {
        return rules;
    }

    /** The longest prefix a rule names (0: none): numbers with the same first this-many characters route alike. */
    int longestPrefix() {
        return rules.stream().flatMap(rule -> rule.prefixes().stream()).mapToInt(String::length).max().orElse(0);
    }
}
