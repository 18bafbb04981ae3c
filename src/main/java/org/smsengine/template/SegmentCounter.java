package org.smsengine.template;

/**
 * Chooses GSM-7 when every character is in the GSM 03.38 alphabet, UCS-2 otherwise,
 * and counts the segments the text is sent in.
 *
 * <p>Counting follows the split a sender really makes: a part never ends between an
 * escape septet and its character, nor between the two halves of a surrogate pair,
 * so a part may carry one unit less than its capacity. The count is therefore the
 * number of parts that go on the wire, which is what the carrier bills.
 */
public final class SegmentCounter {

    private SegmentCounter() {
    }

    public static EncodedText encode(CharSequence text) {
        int septets = gsmSeptets(text);
        if (septets >= 0) {
            return new EncodedText(SmsEncoding.GSM7, septets, gsmSegments(text, septets));
        }
        return new EncodedText(SmsEncoding.UCS2, text.length(), ucs2Segments(text));
    }

    /** Total septets, or -1 when a character is outside the GSM alphabet. */
    private static int gsmSeptets(CharSequence text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = GsmAlphabet.septets(text.charAt(i));
            if (cost == GsmAlphabet.NOT_GSM) {
                return -1;
            }
            septets += cost;
        }
        return septets;
    }

    private static int gsmSegments(CharSequence text, int septets) {
        if (septets <= SmsEncoding.GSM7.singlePartCapacity()) {
            return 1;
        }
        int capacity = SmsEncoding.GSM7.multiPartCapacity();
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = GsmAlphabet.septets(text.charAt(i));
            if (used + cost > capacity) {
                parts++;
                used = 0;
            }
            used += cost;
        }
        return parts;
    }

    private static int ucs2Segments(CharSequence text) {
        if (text.length() <= SmsEncoding.UCS2.singlePartCapacity()) {
            return 1;
        }
        int capacity = SmsEncoding.UCS2.multiPartCapacity();
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            if (used + cost > capacity) {
                parts++;
                used = 0;
            }
            used += cost;
            i += cost - 1;
        }
        return parts;
    }
}
