package org.smsengine.system;

import java.util.Locale;

/**
 * User text as a log line may carry it: a name, a reason or a recipient's value written as it is
 * could end the line and forge the next one ("\r\n2026-01-01 INFO admin approved"), or ring a
 * terminal's bell. Line breaks, tabs and backslashes are escaped as Java writes them, other control
 * characters and unpaired surrogates as {@code \}{@code uXXXX}; everything else is left as it is.
 */
public final class LogText {

    private LogText() {
    }

    /** {@code text} escaped for a log line; {@code "null"} for null. */
    public static String escape(Object text) {
        String value = String.valueOf(text);
        if (isPlain(value)) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                        escaped.append(c).append(value.charAt(++i));
                    } else if (needsEscape(c)) {
                        escaped.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || needsEscape(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsEscape(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || Character.isSurrogate(c);
    }
}
