package org.smsengine.provider.http;

import org.smsengine.system.NotFoundException;

/**
 * Receipts posted for a provider that takes none by webhook (404): none of that name, not an HTTP
 * provider, or one configured without receipts.
 */
class NoReceiptWebhookException extends NotFoundException {

    NoReceiptWebhookException(String provider, String why) {
        super("Provider '" + provider + "' " + why);
    }
}
