package org.smsengine.batch;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.List;
import org.smsengine.recipient.CountryRule;

/**
 * A batch as the API shows it (API.md, "a Batch"), with two additions: {@code stateReason} (why it
 * is in its state: an operator's reason, "node lost", ...), {@code counts.inDoubt} (messages that
 * were being submitted when their node was lost), {@code sendWindow} and {@code waitingUntil} (delivery
 * waits for the send window until then); {@code validUntil} (nothing is submitted after it) and
 * {@code transactional} (exempt from frequency caps); {@code allowCountries} or {@code denyCountries}, the
 * batch's own country rule (null: the engine's, {@code sms.countries}).
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
        List<String> denyCountries) {

    public static BatchView of(BatchRow row, List<String> allowedActions) {
        return new BatchView(row.id(), row.name(), row.state(), row.template(), row.region(), row.senderId(),
                row.sendAt(), row.tps(), row.createdBy(), row.createdAt(), row.updatedAt(), row.counts(), row.segments(),
                allowedActions, row.error(), row.stateReason(), row.sendWindow(), row.waitingUntil(),
                row.validUntil(), row.transactional(), countries(row, CountryRule.Kind.ALLOW),
                countries(row, CountryRule.Kind.DENY));
    }

    /** The batch's own list of that kind, sorted; null when it has none (the engine's rule applies). */
    private static List<String> countries(BatchRow row, CountryRule.Kind kind) {
        CountryRule rule = CountryRule.fromStored(row.countries());
        return rule.kind() == kind ? rule.regions().stream().sorted().toList() : null;
    }
}
