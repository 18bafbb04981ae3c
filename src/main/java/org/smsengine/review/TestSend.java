package org.smsengine.review;

import java.util.List;

/**
 * What a test-send did: each seed number and the message it was sent (the first rendered messages
 * of the batch, in CSV order, the first to the first seed and so on, again from the first when the
 * batch has fewer messages than seeds).
 */
record TestSend(long batchId, List<Seed> seeds) {

    /**
     * @param phone     the seed number, masked below ADMIN
     * @param row       the CSV row whose rendered message was sent
     * @param status    SENT (the provider accepted every part) or FAILED
     * @param messageId the provider's id of the first part, when sent
     * @param error     why it was not sent
     */
    record Seed(String phone, long row, String text, int segments, String status, String messageId, String error) {
    }
}
