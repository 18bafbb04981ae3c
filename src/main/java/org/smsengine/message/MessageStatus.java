package org.smsengine.message;

/** Where a message is. Preparation writes PREPARED; delivery and receipts move it on. */
public enum MessageStatus {
    PREPARED,
    SENDING,
    SENT,
    DELIVERED,
    UNDELIVERED,
    EXPIRED,
    REJECTED,
    FAILED,
    CANCELLED,
    UNKNOWN
}
