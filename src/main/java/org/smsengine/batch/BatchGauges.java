package org.smsengine.batch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The cluster's batches as gauges, read from PostgreSQL every 15 s (two aggregates over the batch
 * rows, not over their messages): {@code sms_batches{state}} and {@code sms_messages_waiting{provider}},
 * the prepared messages of delivering batches not yet sent, failed, suppressed or cancelled. Every
 * node reports the same figures (a dashboard takes their max).
 */
@Component
class BatchGauges {

    private static final String[] STATES = Arrays.stream(BatchState.values()).map(BatchState::name).toArray(String[]::new);

    private final BatchMapper batches;
    private final MultiGauge byState;
    private final MultiGauge waiting;
    private final Set<String> providers = ConcurrentHashMap.newKeySet();

    BatchGauges(BatchMapper batches, MeterRegistry meters) {
        this.batches = batches;
        this.byState = MultiGauge.builder("sms.batches").description("Batches by state").register(meters);
        this.waiting = MultiGauge.builder("sms.messages.waiting")
                .description("Messages of delivering batches not yet submitted, by provider").register(meters);
    }

    @Scheduled(initialDelay = 1_000, fixedDelayString = "#{@metricsSettings.gaugeInterval}")
    void refresh() {
        byState.register(batches.countByState(STATES).stream()
                .map(row -> MultiGauge.Row.of(Tags.of("state", row.key()), row.value())).toList(), true);
        Map<String, Long> now = new HashMap<>();
        batches.waitingByProvider().forEach(row -> now.put(row.key(), row.value()));
        providers.addAll(now.keySet());
        // a provider that had messages waiting keeps its series at 0 once it has none (a dashboard shows 0, not "no data")
        waiting.register(providers.stream()
                .map(provider -> MultiGauge.Row.of(Tags.of("provider", provider), now.getOrDefault(provider, 0L))).toList(), true);
    }

}
