package org.smsengine.provider.http;

import org.smsengine.system.NotFoundException;

/** Receipts posted for a provider that takes none by webhook: none of that name, not an HTTP one, or one without receipts (404). */
class NoReceiptWebhookException extends NotFoundException {

    NoReceiptWebhookException(String provider, String why) {
        super("Provider '" + provider + "' " + why);
    }
}
