package org.smsengine.inbound;

/**
 * What a handset sent, made storable: it is anyone's text, and the insert must not fail on it (the
 * SMSC would offer the message again and again). NULs, which PostgreSQL cannot store, are dropped;
 * each value is cut to its column (the text to {@value #TEXT}, never between the halves of a
 * character); a missing value is stored empty.
 */
final class ReceivedText {

    static final int TEXT = 2000;
    static final int ADDRESS = 24;
    static final int PROVIDER = 64;

    private ReceivedText() {
    }

    static String of(String value, int limit) {
        if (value == null) {
            return "";
        }
        String kept = value.indexOf('\0') < 0 ? value : value.replace("\0", "");
        if (kept.length() <= limit) {
            return kept;
        }
        int end = Character.isHighSurrogate(kept.charAt(limit - 1)) ? limit - 1 : limit;
        return kept.substring(0, end);
    }
}
