package org.smsengine.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchRow;
import org.smsengine.pipeline.BatchPrepared;
import org.smsengine.recipient.PhoneNumbers;
import org.springframework.context.event.EventListener;

/**
 * Writes a batch's forecast when its preparation ends: its messages counted by country in one statement,
 * each country routed as delivery would route it (the route rules, the providers enabled now: the first of
 * a priority route, the cheapest of a least-cost one, a weighted one's providers by their weights), and
 * priced by the providers' tables. A forecast that cannot be made leaves the batch without one (logged):
 * it never holds preparation up.
 */
final class Forecaster {

    private static final Logger log = LoggerFactory.getLogger(Forecaster.class);

    private final RouteTable table;
    private final Prices prices;
    private final ProviderHealth health;
    private final ForecastMapper counts;
    private final BatchMapper batches;
    private final ObjectMapper json;

    Forecaster(RouteTable table, Prices prices, ProviderHealth health, ForecastMapper counts, BatchMapper batches,
            ObjectMapper json) {
        this.table = table;
        this.prices = prices;
        this.health = health;
        this.counts = counts;
        this.batches = batches;
        this.json = json;
    }

    @EventListener
    void onPrepared(BatchPrepared prepared) {
        try {
            BatchRow batch = batches.find(prepared.batchId()).orElseThrow();
            batches.setForecast(batch.id(), json.writeValueAsString(forecast(batch)));
        } catch (RuntimeException | JsonProcessingException e) {
            log.warn("Batch {}: no forecast ({})", prepared.batchId(), e.toString());
        }
    }

    Forecast forecast(BatchRow batch) {
        Map<List<String>, long[]> lines = new LinkedHashMap<>();    // (country, provider) -> messages, segments, micros
        for (ForecastMapper.Group group : counts.count(batch.id(), table.longestPrefix())) {
            String country = group.country() != null ? group.country() : PhoneNumbers.region(group.prefix());
            RouteTable.Rule rule = table.match(country, group.prefix(), batch.senderId(), batch.tag());
            for (Share share : shares(rule, country, group)) {
                long[] line = lines.computeIfAbsent(List.of(country, share.provider()), k -> new long[3]);
                line[0] += share.messages();
                line[1] += share.segments();
                line[2] += share.segments() * prices.segmentMicros(share.provider(), country);
            }
        }
        List<Forecast.Line> byCountry = new ArrayList<>();
        long segments = 0;
        long micros = 0;
        for (Map.Entry<List<String>, long[]> line : lines.entrySet()) {
            long[] v = line.getValue();
            byCountry.add(new Forecast.Line(line.getKey().get(0), v[0], v[1], Prices.amount(v[2]), line.getKey().get(1)));
            segments += v[1];
            micros += v[2];
        }
        byCountry.sort(Comparator.comparing(Forecast.Line::cost).reversed().thenComparing(Forecast.Line::country));
        return new Forecast(segments, Prices.amount(micros), prices.currency(), byCountry);
    }

    private record Share(String provider, long messages, long segments) {
    }

    /** How the group's messages spread over the rule's enabled providers (all of them when none is enabled). */
    private List<Share> shares(RouteTable.Rule rule, String country, ForecastMapper.Group group) {
        List<String> enabled = rule.providers().stream().filter(health::enabled).toList();
        List<String> providers = enabled.isEmpty() ? rule.providers() : enabled;
        return switch (rule.strategy()) {
            case PRIORITY -> List.of(new Share(providers.get(0), group.messages(), group.segments()));
            case LEAST_COST -> List.of(new Share(providers.stream()
                    .min(Comparator.comparingLong(p -> prices.segmentMicros(p, country))).orElseThrow(),
                    group.messages(), group.segments()));
            case WEIGHTED -> weighted(rule, providers, group);
        };
    }

    /** By weight, the remainders to the heaviest first, so the shares add up to the group exactly. */
    private static List<Share> weighted(RouteTable.Rule rule, List<String> providers, ForecastMapper.Group group) {
        long total = providers.stream().mapToLong(rule::weight).sum();
        List<Share> shares = new ArrayList<>();
        long messagesLeft = group.messages();
        long segmentsLeft = group.segments();
        for (int i = 0; i < providers.size(); i++) {
            String provider = providers.get(i);
            boolean last = i == providers.size() - 1;
            long messages = last ? messagesLeft : group.messages() * rule.weight(provider) / total;
            long segments = last ? segmentsLeft : group.segments() * rule.weight(provider) / total;
            messagesLeft -= messages;
            segmentsLeft -= segments;
            if (messages > 0 || segments > 0) {
                shares.add(new Share(provider, messages, segments));
            }
        }
        return shares;
    }
}
