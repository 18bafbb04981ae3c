package org.smsengine.provider;

/** The final state of a part, as a delivery receipt reports it. */
public enum ReceiptStatus {
    DELIVERED,
    UNDELIVERED,
    EXPIRED,
    REJECTED
}
