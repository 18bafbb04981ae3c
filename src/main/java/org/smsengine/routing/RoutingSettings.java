package org.smsengine.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routes, failure rules, circuit breakers and prices ({@code sms.routing}).
 *
 * @param currency     the currency of every price, forecast, budget and cost
 * @param routes       tried in order; the first whose conditions (country, prefix, the batch's sender and tag) all
 *                     hold routes the message; with none
 *                     matching, the default provider sends it, the others in turn when it cannot
 * @param failureRules tried before the built-in ones (see docs/providers.md); the first whose codes match decides
 * @param prices       per provider, per country (ISO alpha-2, or {@code default} for the rest): the price of a
 *                     segment
 * @param statePoll    how often each node reads which providers operators disabled
 */
@ConfigurationProperties("sms.routing")
public record RoutingSettings(
        @DefaultValue("USD") String currency,
        @DefaultValue List<Route> routes,
        @DefaultValue List<FailureRule> failureRules,
        @DefaultValue Breaker breaker,
        Map<String, Map<String, BigDecimal>> prices,
        @DefaultValue("2s") Duration statePoll) {

    public enum Strategy {
        /** Smooth weighted round robin over the route's providers that can take traffic. */
        WEIGHTED,
        /** The first provider that can take traffic, in the route's order. */
        PRIORITY,
        /** The cheapest for the message's country that can take traffic (ties: the route's order). */
        LEAST_COST
    }

    /**
     * A route rule: every condition given must hold (none given: it matches every message).
     *
     * @param countries destination countries (ISO alpha-2)
     * @param prefixes  destination prefixes in E.164 ({@code +1415})
     * @param senders   the batch's sender id
     * @param tags      the batch's tag
     */
    public record Route(String name, @DefaultValue List<String> countries, @DefaultValue List<String> prefixes,
            @DefaultValue List<String> senders, @DefaultValue List<String> tags,
            @DefaultValue("WEIGHTED") Strategy strategy, @DefaultValue List<Target> providers) {
    }

    public record Target(String name, @DefaultValue("1") int weight) {
    }

    /**
     * Failure codes ({@code smpp:0x00000058}, {@code http:429}; a trailing {@code *} matches any rest, as in
     * {@code http:5*}) and what they mean; {@code alert}: each one is logged as an error and counted
     * ({@code sms_provider_alerts_total}).
     */
    public record FailureRule(@DefaultValue List<String> codes, FailureAction action, @DefaultValue("false") boolean alert) {
    }

    /**
     * Each provider's circuit breaker: it opens when at least {@code failureRate} % of the last {@code window}
     * submits (once {@code minimumCalls} were made) failed as SWITCH does, stays open {@code openFor}, then lets
     * {@code halfOpenCalls} probes through and closes if they mostly succeed.
     */
    public record Breaker(@DefaultValue("50") float failureRate, @DefaultValue("50") int window,
            @DefaultValue("20") int minimumCalls, @DefaultValue("30s") Duration openFor,
            @DefaultValue("10") int halfOpenCalls) {
    }
}
