package org.smsengine.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses GSM-7 when every character is in the GSM 03.38 alphabet, UCS-2 otherwise, counts the
 * segments the text is sent in, and cuts it into those segments.
 *
 * <p>Counting and cutting share one rule, the split a sender really makes: a part never ends
 * between an escape septet and its character, nor between the two halves of a surrogate pair, so a
 * part may carry one unit less than its capacity. The count is therefore the number of parts that
 * go on the wire, which is what the carrier bills.
 */
public final class SegmentCounter {

    private SegmentCounter() {
    }

    public static EncodedText encode(CharSequence text) {
        int septets = gsmSeptets(text);
        if (septets >= 0) {
            return new EncodedText(SmsEncoding.GSM7, septets, countParts(text, SmsEncoding.GSM7, septets));
        }
        return new EncodedText(SmsEncoding.UCS2, text.length(), countParts(text, SmsEncoding.UCS2, text.length()));
    }

    /** The text cut into its segments, in order; one part when it fits in a single message. */
    public static List<String> split(String text, SmsEncoding encoding) {
        if (units(text, encoding) <= encoding.singlePartCapacity()) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = partEnd(text, start, encoding);
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }

    /** The text as the octets of its {@code data_coding}: unpacked GSM 7-bit septets, or UTF-16BE for UCS-2. */
    public static byte[] octets(String text, SmsEncoding encoding) {
        return encoding == SmsEncoding.GSM7 ? GsmAlphabet.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
    }

    /** Octets of a {@code data_coding} back to text: the inverse of {@link #octets}. */
    public static String text(byte[] octets, SmsEncoding encoding) {
        return encoding == SmsEncoding.GSM7 ? GsmAlphabet.decode(octets) : new String(octets, StandardCharsets.UTF_16BE);
    }

    private static int countParts(CharSequence text, SmsEncoding encoding, int units) {
        if (units <= encoding.singlePartCapacity()) {
            return 1;
        }
        int parts = 0;
        for (int start = 0; start < text.length(); start = partEnd(text, start, encoding)) {
            parts++;
        }
        return parts;
    }

    /** Where the part starting at {@code start} of a multi-part message ends (exclusive). */
    private static int partEnd(CharSequence text, int start, SmsEncoding encoding) {
        int capacity = encoding.multiPartCapacity();
        int used = 0;
        int i = start;
        while (i < text.length()) {
            int cost = cost(text, i, encoding);
            int chars = encoding == SmsEncoding.UCS2 ? cost : 1;
            if (used + cost > capacity) {
                break;
            }
            used += cost;
            i += chars;
        }
        return i;
    }

    /** Units the character at {@code i} costs: septets in GSM-7, UTF-16 units in UCS-2 (2 for a surrogate pair). */
    private static int cost(CharSequence text, int i, SmsEncoding encoding) {
        if (encoding == SmsEncoding.GSM7) {
            return GsmAlphabet.septets(text.charAt(i));
        }
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
    }

    private static int units(CharSequence text, SmsEncoding encoding) {
        return encoding == SmsEncoding.GSM7 ? gsmSeptets(text) : text.length();
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
}
