package org.smsengine.delivery.screening;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How delivery honours consent ({@code sms.consent.screening}).
 *
 * @param pollInterval   how often this node reads the newest opt-outs (any node may have stored them): a STOP
 *                       stops submits here within about this long, plus one query
 * @param lookback       how far behind the newest change seen each poll reads again: a change is stamped when
 *                       it is written and seen when its transaction commits, which may be later
 * @param recentFor      how long a change stays in this node's memory; a page is screened against the list when
 *                       it is claimed, so this need only outlast a page's submission (seconds)
 * @param frequencyCaps  "at most {@code messages} per number per {@code per}", for batches that are not
 *                       transactional; every rule must hold (e.g. 1 per 4h and 3 per 7d); none: no caps
 */
@ConfigurationProperties("sms.consent.screening")
@Validated
public record ScreeningSettings(
        @NotNull @DurationMin(millis = 1) @DefaultValue("200ms") Duration pollInterval,
        @NotNull @DurationMin @DefaultValue("2s") Duration lookback,
        @NotNull @DurationMin(millis = 1) @DefaultValue("10m") Duration recentFor,
        @Valid List<Cap> frequencyCaps) {

    public ScreeningSettings {
        frequencyCaps = frequencyCaps == null ? List.of() : List.copyOf(frequencyCaps);
    }

    /**
     * At most {@code messages} per number in any period of {@code per}.
     *
     * @param messages the most messages a number gets in the period
     * @param per      the period, at least a second: {@code 4h}, {@code 7d}
     */
    public record Cap(@Min(1) int messages, @NotNull @DurationMin(seconds = 1) Duration per) {
    }
}
