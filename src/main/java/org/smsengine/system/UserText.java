package org.smsengine.system;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for text a user may send: what PostgreSQL can store, a log line can carry and a
 * phone can show. A NUL would fail the database write (500) and an unpaired surrogate cannot be
 * encoded; other control characters have no place in a name and would only garble a message or a
 * log line.
 *
 * <ul>
 * <li>{@link Kind#LINE} (names, sender ids, column names, regions, cron, time zones, phones): no
 *     control character at all (C0, DEL, C1), no line or paragraph separator, no unpaired surrogate.
 * <li>{@link Kind#MULTILINE} (templates, template values, reasons): as a line, but line feed,
 *     carriage return, tab and form feed are allowed: a message may have several lines, and form
 *     feed is a character of the GSM 7-bit extension table.
 * </ul>
 */
public final class UserText {

    public enum Kind {
        LINE,
        MULTILINE
    }

    private UserText() {
    }

    /** Why {@code value} is not text of that kind (its first offending character), or empty when it is, or is null. */
    public static Optional<String> problem(String value, Kind kind) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("has a broken character (an unpaired UTF-16 surrogate) at position " + (i + 1));
            }
            if (!allowed(c, kind)) {
                return Optional.of(String.format(Locale.ROOT, "has a control character (U+%04X) at position %d%s", (int) c,
                        i + 1, kind == Kind.LINE ? "; it must be a single line of printable text"
                                : "; only line breaks, tabs and form feeds are allowed"));
            }
        }
        return Optional.empty();
    }

    /** Adds an error for {@code field} when {@code value} is not text of that kind; true when it is. */
    public static boolean check(String field, String value, Kind kind, List<InputError> errors) {
        Optional<String> problem = problem(value, kind);
        problem.ifPresent(p -> errors.add(InputError.field(field, field + " " + p)));
        return problem.isEmpty();
    }

    /** Throws a 400 naming {@code field} when {@code value} is not text of that kind. */
    public static void require(String field, String value, Kind kind) {
        problem(value, kind).ifPresent(p -> {
            throw new InvalidInputException(InputError.field(field, field + " " + p));
        });
    }

    private static boolean allowed(char c, Kind kind) {
        if (kind == Kind.MULTILINE && (c == '\n' || c == '\r' || c == '\t' || c == '\f')) {
            return true;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
}
