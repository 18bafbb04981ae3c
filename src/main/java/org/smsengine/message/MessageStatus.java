package org.smsengine.message;

/**
 * Where a message is. Preparation writes PREPARED; delivery claims it (SENDING) before any submit,
 * then records SENT (accepted by the provider), RETRYING (a transient failure; tried again later)
 * or FAILED; receipts move a SENT message to DELIVERED, UNDELIVERED, EXPIRED or REJECTED.
 * SUPPRESSED: not sent for consent (its error says why: opted_out, frequency_cap, validity_passed).
 */
public enum MessageStatus {
    PREPARED,
    SENDING,
    RETRYING,
    SENT,
    DELIVERED,
    UNDELIVERED,
    EXPIRED,
    REJECTED,
    FAILED,
    CANCELLED,
    SUPPRESSED,
    UNKNOWN
}
