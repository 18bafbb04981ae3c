package org.smsengine.delivery;

import java.util.List;
import org.smsengine.batch.SendWindow;

/**
 * What one chunk of a delivery partition submits: the messages claimed, and the batch's send window
 * as the claim saw it (null: none), so the submitter need not read the batch again.
 */
record ClaimedPage(List<ClaimedMessage> messages, SendWindow window) {

    /** Nothing to submit this chunk (waiting, or stopping). */
    static ClaimedPage empty() {
        return new ClaimedPage(List.of(), null);
    }
}
