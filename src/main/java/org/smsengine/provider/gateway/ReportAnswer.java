package org.smsengine.provider.gateway;

import java.util.List;

/**
 * What became of a report: the ids whose outcome was taken (or had been already: a repeat changes
 * nothing), and those refused with why. A refused outcome was not applied; the device should drop it.
 */
record ReportAnswer(List<Long> accepted, List<Refused> refused) {

    /** Reasons: {@code unknown} (no such message of the device's provider), {@code not_leased_to_this_device} (its
     * lease ran out and another device has it, or it is queued again), {@code already_reported} (another outcome was
     * taken before). */
    record Refused(long id, String reason) {
    }
}
