package org.smsengine.delivery;

import org.smsengine.template.SmsEncoding;

/**
 * A message this worker has marked SENDING, committed, and now may submit. {@code attempts} counts
 * this one; {@code timeZone} is its recipient's (for send windows in recipient local time).
 */
public record ClaimedMessage(long id, int rowNo, String phone, String text, SmsEncoding encoding, int segments,
        int attempts, String timeZone) {
}
