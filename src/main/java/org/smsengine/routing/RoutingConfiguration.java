package org.smsengine.routing;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchMapper;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.provider.Providers;
import org.smsengine.provider.SmsProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/** Builds the routing from {@code sms.routing}, failing at start-up on a rule that names what is not there. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingSettings.class)
class RoutingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

    @Bean
    ProviderHealth providerHealth(Providers providers, RoutingSettings settings, ProviderStateMapper states,
            MeterRegistry meters) {
        ProviderHealth health = new ProviderHealth(providers, settings.breaker(), states);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(health.breakers()).bindTo(meters);
        return health;
    }

    @Bean
    Prices prices(RoutingSettings settings, Providers providers) {
        if (settings.prices() != null) {
            List<String> known = providers.all().stream().map(SmsProvider::name).toList();
            settings.prices().keySet().stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
                throw new IllegalStateException("sms.routing.prices: '" + name + "' is not among the providers " + known);
            });
        }
        return new Prices(settings.prices(), settings.currency());
    }

    @Bean
    RouteTable routeTable(RoutingSettings settings, Providers providers) {
        return new RouteTable(settings.routes(), providers.all().stream().map(SmsProvider::name).toList(),
                providers.defaultName());
    }

    @Bean
    Router router(RouteTable table, RoutingSettings settings, ProviderHealth health, Prices prices, MeterRegistry meters) {
        return new Router(table, new FailureRules(settings.failureRules()), health, prices, meters);
    }

    @Bean
    Forecaster forecaster(RouteTable table, Prices prices, ProviderHealth health, ForecastMapper counts,
            BatchMapper batches, ObjectMapper json) {
        return new Forecaster(table, prices, health, counts, batches, json);
    }

    @Bean
    Budgets budgets(ObjectMapper json, RoutingSettings settings) {
        return new Budgets(json, settings.currency());
    }

    @Bean
    BudgetPause budgetPause(ObjectProvider<BatchLifecycle> lifecycle, Budgets budgets) {
        return new BudgetPause(lifecycle, budgets);
    }

    /** Every node reads the operators' switches from the start, then every {@code sms.routing.state-poll}. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> providerStatePoll(ProviderHealth health, TaskScheduler scheduler,
            RoutingSettings settings) {
        return ready -> scheduler.scheduleWithFixedDelay(() -> {
            try {
                health.refresh();
            } catch (RuntimeException e) {
                log.warn("Could not read which providers are disabled ({}); keeping what was read before", e.getMessage());
            }
        }, Instant.now(), settings.statePoll());
    }
}
