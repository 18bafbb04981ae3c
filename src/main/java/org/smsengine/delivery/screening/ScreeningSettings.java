package org.smsengine.delivery.screening;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
public record ScreeningSettings(
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("2s") Duration lookback,
        @DefaultValue("10m") Duration recentFor,
        List<Cap> frequencyCaps) {

    public ScreeningSettings {
        frequencyCaps = frequencyCaps == null ? List.of() : List.copyOf(frequencyCaps);
        for (Cap cap : frequencyCaps) {
            if (cap.messages() < 1 || cap.per() == null || cap.per().compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("sms.consent.screening.frequency-caps: each cap needs messages >= 1"
                        + " and a period (per) of at least a second, e.g. {messages: 1, per: 4h}");
            }
        }
    }

    /** At most {@code messages} per number in any period of {@code per}. */
    public record Cap(int messages, Duration per) {
    }
}
