package org.smsengine.delivery;

import java.util.List;
import org.smsengine.message.MessageStatus;
import org.smsengine.provider.AcceptedPart;

/**
 * What to record for one submitted message: its new status (SENT, RETRYING, FAILED or SUPPRESSED), the
 * provider it went to (null when it went to none), the first part's provider id, the error code, when to
 * retry, the parts accepted in this attempt, whether a FAILED message failed transiently (out of attempts),
 * so that an operator's retry may send it again, and what the parts accepted in this attempt cost
 * (millionths of the currency).
 */
record MessageOutcome(long id, MessageStatus status, String provider, String providerMessageId, String error,
        Long retryInMillis, List<AcceptedPart> acceptedParts, boolean retryable, long costMicros) {

    /** A message not submitted, for consent, with the reason. */
    static MessageOutcome suppressed(long id, String reason) {
        return new MessageOutcome(id, MessageStatus.SUPPRESSED, null, null, reason, null, List.of(), false, 0);
    }
}
