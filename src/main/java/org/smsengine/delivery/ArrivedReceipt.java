package org.smsengine.delivery;

import java.time.Instant;
import org.smsengine.provider.Receipt;

/**
 * A receipt and the moment it reached this engine (its own done date is the carrier's, often to the minute).
 *
 * @param raw what it came as, kept for the quarantine; null when the provider did not say
 */
record ArrivedReceipt(Receipt receipt, Instant arrivedAt, String raw) {
}
