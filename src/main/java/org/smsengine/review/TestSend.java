package org.smsengine.review;

import java.util.List;

/**
 * What a test-send did: each seed number and the message it was sent (the first rendered messages
 * of the batch, in CSV order, the first to the first seed and so on, again from the first when the
 * batch has fewer messages than seeds), or why it was not.
 */
record TestSend(long batchId, List<Seed> seeds) {

    /** SENT: the provider accepted every part; FAILED: it did not; REFUSED: not sent, the screening or a limit said no. */
    enum Status { SENT, FAILED, REFUSED }

    /**
     * @param phone     the seed number, masked below ADMIN
     * @param row       the CSV row whose rendered message was (or would have been) sent
     * @param messageId the provider's id of the first part, when sent
     * @param error     why it was not sent: a reason code, a colon, and words (for REFUSED, {@code opted_out},
     *                  {@code country_blocked}, {@code frequency_cap}, {@code send_window_closed},
     *                  {@code validity_passed}, {@code budget_reached} or {@code rate_limited})
     */
    record Seed(String phone, long row, String text, int segments, Status status, String messageId, String error) {
    }
}
