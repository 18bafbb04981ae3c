package org.smsengine.optout;

import java.util.regex.Pattern;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;

/**
 * A number as a lookup names it ({@code ?phone=}, {@code /opt-outs/{phone}}): E.164, the list's own
 * key. The {@code +} may be left out, since a query string turns an unencoded {@code +} into a blank.
 * No region is applied: a lookup finds what the list holds, it does not guess what a number meant.
 */
final class PhoneKey {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,15}");

    private PhoneKey() {
    }

    /** The E.164 key for {@code value}, or a 400 naming {@code field}. */
    static String of(String field, String value) {
        String key = value == null ? "" : value.strip();
        String digits = key.startsWith("+") ? key.substring(1) : key;
        if (!DIGITS.matcher(digits).matches()) {
            throw new InvalidInputException(InputError.field(field,
                    field + " must be a number in E.164 form: + and up to 15 digits, as in +8613800138000"));
        }
        return "+" + digits;
    }
}
