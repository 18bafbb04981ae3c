package org.smsengine.provider;

import java.time.Instant;
import java.util.Set;
import org.smsengine.template.EncodedText;
import org.smsengine.template.SegmentCounter;
import org.smsengine.template.SmsEncoding;

/**
 * A prepared message on its way out.
 *
 * @param reference     the engine's id of the message (for logs and concatenation references)
 * @param sender        the source address; null for the provider's default
 * @param destination   E.164, with its {@code +}
 * @param segments      the parts preparation counted; a provider sends exactly these
 * @param skippedParts  parts (from 1) already accepted by an earlier attempt, not to be sent again
 * @param validUntil    after it the carrier should not deliver the message either (SMPP validity_period); null: no limit
 * @param receipt       whether a delivery receipt is asked for (a batch's messages: yes; a keyword's reply, which no
 *                      batch waits for: no)
 */
public record OutgoingMessage(long reference, String sender, String destination, String text, SmsEncoding encoding,
        int segments, Set<Integer> skippedParts, Instant validUntil, boolean receipt) {

    /**
     * One message outside any batch (a keyword's reply, a test-send), encoded and counted here; no
     * receipt is asked for, since no batch waits for it.
     */
    public static OutgoingMessage single(long reference, String sender, String destination, String text) {
        EncodedText encoded = SegmentCounter.encode(text);
        return new OutgoingMessage(reference, sender, destination, text, encoded.encoding(), encoded.segments(), Set.of(),
                null, false);
    }

    /** A message whose delivery receipt is asked for. */
    public OutgoingMessage(long reference, String sender, String destination, String text, SmsEncoding encoding,
            int segments, Set<Integer> skippedParts, Instant validUntil) {
        this(reference, sender, destination, text, encoding, segments, skippedParts, validUntil, true);
    }
}
