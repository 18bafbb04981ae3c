package org.smsengine.provider;

import java.time.Instant;

/** A delivery receipt for one part: the provider's id of the part, its final state, the carrier's error code. */
public record Receipt(String provider, String providerMessageId, ReceiptStatus status, String error, Instant doneAt) {
}
