package org.smsengine.delivery;

import org.smsengine.template.SmsEncoding;

/**
 * A message this worker has marked SENDING, committed, and now may submit. {@code attempts} counts
 * this one; {@code timeZone} is its recipient's (for send windows in recipient local time); {@code country}
 * its region (null for a message prepared before regions were kept); {@code lastProvider} and
 * {@code lastError} say where and how its previous attempt ended (null on a first attempt), for routing.
 */
public record ClaimedMessage(long id, int rowNo, String phone, String text, SmsEncoding encoding, int segments,
        int attempts, String timeZone, String country, String lastProvider, String lastError) {
}
