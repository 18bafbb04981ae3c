package org.smsengine.template;

/**
 * The GSM 03.38 default alphabet and its extension table. A character of the
 * extension table is sent as an escape septet plus one, so it costs two septets.
 */
final class GsmAlphabet {

    static final int NOT_GSM = 0;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    /** Septets per character for every char up to the Greek block; the euro sign is handled apart. */
    private static final byte[] SEPTETS = new byte[0x400];
    private static final char EURO = '€';

    static {
        for (char c : BASIC.toCharArray()) {
            SEPTETS[c] = 1;
        }
        for (char c : EXTENSION.toCharArray()) {
            if (c != EURO) {
                SEPTETS[c] = 2;
            }
        }
    }

    private GsmAlphabet() {
    }

    /** Septets this character costs in GSM-7, or {@link #NOT_GSM} when it cannot be sent in GSM-7. */
    static int septets(char c) {
        if (c < SEPTETS.length) {
            return SEPTETS[c];
        }
        return c == EURO ? 2 : NOT_GSM;
    }
}
