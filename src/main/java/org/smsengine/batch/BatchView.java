package org.smsengine.batch;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.smsengine.recipient.CountryRule;

/**
 * A batch as the API shows it (API.md, "a Batch"), with two additions: {@code stateReason} (why it
 * is in its state: an operator's reason, "node lost", ...), {@code counts.inDoubt} (messages that
 * were being submitted when their node was lost), {@code sendWindow} and {@code waitingUntil} (delivery
 * waits for the send window until then); {@code validUntil} (nothing is submitted after it) and
 * {@code transactional} (exempt from frequency caps); {@code allowCountries} or {@code denyCountries}, the
 * batch's own country rule (null: the engine's, {@code sms.countries}); {@code tag}, which route rules may select it
 * by; {@code forecast} (once prepared: segments and
 * cost, in total and by country with the provider its route gives it), {@code budget} and {@code cost} (of what its
 * providers accepted so far), in {@code sms.routing.currency}.
 */
public record BatchView(
        long id,
        String name,
        BatchState state,
        String template,
        String region,
        String senderId,
        OffsetDateTime sendAt,
        Integer tps,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        BatchCounts counts,
        long segments,
        List<String> allowedActions,
        String error,
        String stateReason,
        @JsonRawValue String sendWindow,
        OffsetDateTime waitingUntil,
        OffsetDateTime validUntil,
        boolean transactional,
        List<String> allowCountries,
        List<String> denyCountries,
        String tag,
        @JsonRawValue String forecast,
        BigDecimal budget,
        BigDecimal cost) {

    public static BatchView of(BatchRow row, List<String> allowedActions) {
        CountryRule countries = CountryRule.fromStored(row.countries());
        return new BatchView(row.id(), row.name(), row.state(), row.template(), row.region(), row.senderId(),
                row.sendAt(), row.tps(), row.createdBy(), row.createdAt(), row.updatedAt(), row.counts(), row.segments(),
                allowedActions, row.error(), row.stateReason(), row.sendWindow(), row.waitingUntil(),
                row.validUntil(), row.transactional(), countries(countries, CountryRule.Kind.ALLOW),
                countries(countries, CountryRule.Kind.DENY), row.tag(), row.forecast(), row.budget(),
                row.cost() == null ? null : row.cost().stripTrailingZeros());
    }

    /** The rule's list if it is of that kind, sorted; null otherwise. */
    private static List<String> countries(CountryRule rule, CountryRule.Kind kind) {
        return rule.kind() == kind ? rule.regions().stream().sorted().toList() : null;
    }
}
