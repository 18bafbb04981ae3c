package org.smsengine.delivery;

import java.util.List;
import org.smsengine.message.MessageStatus;
import org.smsengine.provider.AcceptedPart;

/**
 * What to record for one submitted message: its new status (SENT, RETRYING or FAILED), the first
 * part's provider id, the error code, when to retry, and the parts accepted in this attempt.
 */
record MessageOutcome(long id, MessageStatus status, String providerMessageId, String error, Long retryInMillis,
        List<AcceptedPart> acceptedParts) {
}
