package org.smsengine.delivery;

import java.util.List;
import org.smsengine.message.MessageStatus;
import org.smsengine.provider.AcceptedPart;

/**
 * What to record for one submitted message: its new status (SENT, RETRYING or FAILED), the first
 * part's provider id, the error code, when to retry, the parts accepted in this attempt, and whether
 * a FAILED message failed transiently (out of attempts), so that an operator's retry may send it again.
 */
record MessageOutcome(long id, MessageStatus status, String providerMessageId, String error, Long retryInMillis,
        List<AcceptedPart> acceptedParts, boolean retryable) {

    MessageOutcome(long id, MessageStatus status, String providerMessageId, String error, Long retryInMillis,
            List<AcceptedPart> acceptedParts) {
        this(id, status, providerMessageId, error, retryInMillis, acceptedParts, false);
    }
}
