package org.smsengine.provider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A delivery receipt for one part: the provider's id of the part, its final state, the carrier's error code.
 *
 * @param alternativeIds other forms the part's id may have been accepted under, tried in order when
 *                       {@code providerMessageId} itself matches no part: an SMSC may give the id of a receipt
 *                       in another base than its answer to the submission (SMPP's {@code receipt-id} setting)
 */
public record Receipt(String provider, String providerMessageId, ReceiptStatus status, String error, Instant doneAt,
        List<String> alternativeIds) {

    public Receipt {
        alternativeIds = alternativeIds == null ? List.of() : List.copyOf(alternativeIds);
    }

    public Receipt(String provider, String providerMessageId, ReceiptStatus status, String error, Instant doneAt) {
        this(provider, providerMessageId, status, error, doneAt, List.of());
    }

    /** The ids to look the part up by, in order of preference: its own first. */
    public List<String> candidateIds() {
        if (alternativeIds.isEmpty()) {
            return List.of(providerMessageId);
        }
        List<String> ids = new ArrayList<>(1 + alternativeIds.size());
        ids.add(providerMessageId);
        ids.addAll(alternativeIds);
        return ids;
    }
}
