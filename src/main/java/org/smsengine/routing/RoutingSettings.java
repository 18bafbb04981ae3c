package org.smsengine.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Routes, failure rules, circuit breakers and prices ({@code sms.routing}).
 *
 * @param currency     the currency of every price, forecast, budget and cost
 * @param routes       tried in order; the first whose conditions (country, prefix, the batch's sender and tag) all
 *                     hold routes the message; with none matching, the default provider sends it, the others in
 *                     turn when it cannot. E.g. {@code [{name: north-america, countries: [US, CA], strategy: WEIGHTED,
 *                     providers: [{name: carrier-a, weight: 3}, {name: carrier-b, weight: 1}]}]}
 * @param failureRules tried before the built-in ones (see docs/providers.md); the first whose codes match decides,
 *                     e.g. {@code [{codes: ["smpp:0x0000000b"], action: FAIL, alert: true}]}; actions: RETRY_SAME,
 *                     SWITCH, THROTTLE, FAIL
 * @param breaker      a circuit breaker per provider, fed by submit outcomes
 * @param prices       per provider, per country (ISO alpha-2, or {@code default} for the rest): the price of a
 *                     segment, e.g. {@code {carrier-a: {US: 0.0079, default: 0.05}}}; a provider without prices is free
 * @param statePoll    how often each node reads which providers operators disabled
 */
@ConfigurationProperties("sms.routing")
@Validated
public record RoutingSettings(
        @NotBlank @DefaultValue("USD") String currency,
        @Valid @DefaultValue List<Route> routes,
        @Valid @DefaultValue List<FailureRule> failureRules,
        @Valid @DefaultValue Breaker breaker,
        Map<String, Map<String, BigDecimal>> prices,
        @NotNull @DurationMin(millis = 1) @DefaultValue("2s") Duration statePoll) {

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
     * @param name      the route's name, in logs and the forecast
     * @param countries destination countries (ISO alpha-2)
     * @param prefixes  destination prefixes in E.164 ({@code +1415})
     * @param senders   the batch's sender id
     * @param tags      the batch's tag
     * @param strategy  how one of its providers is chosen: WEIGHTED, PRIORITY or LEAST_COST
     * @param providers the providers it may send through
     */
    public record Route(String name, @DefaultValue List<String> countries, @DefaultValue List<String> prefixes,
            @DefaultValue List<String> senders, @DefaultValue List<String> tags,
            @NotNull @DefaultValue("WEIGHTED") Strategy strategy, @Valid @DefaultValue List<Target> providers) {
    }

    /**
     * A provider of a route.
     *
     * @param name   the provider's name ({@code sms.providers.definitions[n].name})
     * @param weight its share of a WEIGHTED route's messages, against the others' weights
     */
    public record Target(String name, @Positive @DefaultValue("1") int weight) {
    }

    /**
     * Failure codes and what they mean.
     *
     * @param codes  {@code smpp:0x00000058}, {@code http:429}; a trailing {@code *} matches any rest, as in
     *               {@code http:5*}
     * @param action RETRY_SAME, SWITCH, THROTTLE or FAIL
     * @param alert  each one is logged as an error and counted ({@code sms_provider_alerts_total})
     */
    public record FailureRule(@DefaultValue List<String> codes, FailureAction action, @DefaultValue("false") boolean alert) {
    }

    /**
     * Each provider's circuit breaker: it opens when at least {@code failureRate} % of the last {@code window}
     * submits (once {@code minimumCalls} were made) failed as SWITCH does, stays open {@code openFor}, then lets
     * {@code halfOpenCalls} probes through and closes if they mostly succeed.
     *
     * @param failureRate   the share of failing submits, in %, that opens it
     * @param window        the last submits the share is taken over
     * @param minimumCalls  submits made before the share counts
     * @param openFor       how long it stays open, the provider taking no traffic
     * @param halfOpenCalls probes let through once that time is over, whose outcomes decide whether it closes
     */
    public record Breaker(@DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @DefaultValue("50") float failureRate,
            @Positive @DefaultValue("50") int window,
            @Positive @DefaultValue("20") int minimumCalls,
            @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration openFor,
            @Positive @DefaultValue("10") int halfOpenCalls) {
    }
}
