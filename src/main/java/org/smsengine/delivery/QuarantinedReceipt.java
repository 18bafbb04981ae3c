package org.smsengine.delivery;

import java.time.OffsetDateTime;

/**
 * A receipt set aside: {@code GET /api/v1/receipts/quarantine}'s item.
 *
 * @param raw   what it came as (the receipt's text or JSON, cut short)
 * @param error why the database would not take it
 */
public record QuarantinedReceipt(long id, String provider, String providerMessageId, String status, String raw, String error,
        OffsetDateTime receivedAt, OffsetDateTime quarantinedAt) {
}
