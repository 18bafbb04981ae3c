package org.smsengine.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The accepted parts as receipt references: parts accepted under one id (a provider that sends a
     * message's parts as one, HTTP) make one reference that stands for them all, from the first.
     */
    List<DeliveryMapper.PartRef> partRefs(long batchId, int partitionNo) {
        Map<String, int[]> byId = new LinkedHashMap<>();    // id -> {first part, parts}
        for (AcceptedPart part : acceptedParts) {
            int[] ref = byId.computeIfAbsent(part.providerMessageId(), key -> new int[] {part.part(), 0});
            ref[0] = Math.min(ref[0], part.part());
            ref[1]++;
        }
        return byId.entrySet().stream().map(e -> new DeliveryMapper.PartRef(e.getKey(), batchId, partitionNo, id,
                e.getValue()[0], e.getValue()[1])).toList();
    }
}
