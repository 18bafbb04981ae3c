package org.smsengine.template;

import java.util.Arrays;

/**
 * The GSM 03.38 default alphabet and its extension table. A character of the extension table is
 * sent as the escape septet 0x1B followed by its code, so it costs two septets.
 */
final class GsmAlphabet {

    static final int NOT_GSM = 0;
    static final int ESCAPE = 0x1B;

    /** The default alphabet by code; 0x1B is the escape, not a character. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\uFFFFÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    /** Code of each char up to the Greek block: basic code + 1, or -(extension code + 1); 0 = not GSM. */
    private static final short[] CODES = new short[0x400];
    private static final char EURO = '€';
    private static final byte EURO_CODE = 0x65;

    static {
        for (int code = 0; code < BASIC.length(); code++) {
            char c = BASIC.charAt(code);
            if (c != '\uFFFF') {
                CODES[c] = (short) (code + 1);
            }
        }
        for (int i = 0; i < EXTENSION_CHARS.length(); i++) {
            char c = EXTENSION_CHARS.charAt(i);
            if (c != EURO) {
                CODES[c] = (short) -(EXTENSION_CODES[i] + 1);
            }
        }
    }

    private GsmAlphabet() {
    }

    /** Septets this character costs in GSM-7, or {@link #NOT_GSM} when it cannot be sent in GSM-7. */
    static int septets(char c) {
        int code = code(c);
        return code == 0 ? NOT_GSM : code > 0 ? 1 : 2;
    }

    /**
     * The text as unpacked GSM 7-bit septets, one per octet, extension characters as escape + code:
     * how {@code data_coding} 0 (the SMSC default alphabet) carries it over SMPP.
     */
    static byte[] encode(CharSequence text) {
        byte[] out = new byte[text.length() * 2];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int code = code(text.charAt(i));
            if (code == 0) {
                throw new IllegalArgumentException("'" + text.charAt(i) + "' is not in the GSM 7-bit alphabet");
            }
            if (code < 0) {
                out[n++] = ESCAPE;
            }
            out[n++] = (byte) (Math.abs(code) - 1);
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Unpacked GSM 7-bit septets back to text: the inverse of {@link #encode}, and tolerant of what a
     * handset may send. An escape followed by a code the extension table does not have stands for
     * the default alphabet's character of that code, as 3GPP TS 23.038 asks of a receiver; an escape
     * with nothing after it is dropped. The top bit of each octet is ignored.
     */
    static String decode(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int code = septets[i] & 0x7F;
            if (code != ESCAPE) {
                text.append(BASIC.charAt(code));
            } else if (i + 1 < septets.length) {
                text.append(extension(septets[++i] & 0x7F));
            }
        }
        return text.toString();
    }

    private static char extension(int code) {
        for (int e = 0; e < EXTENSION_CODES.length; e++) {
            if (EXTENSION_CODES[e] == code) {
                return EXTENSION_CHARS.charAt(e);
            }
        }
        return code == ESCAPE ? ' ' : BASIC.charAt(code);
    }

    private static int code(char c) {
        if (c < CODES.length) {
            return CODES[c];
        }
        return c == EURO ? -(EURO_CODE + 1) : 0;
    }
}
