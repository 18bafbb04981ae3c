package org.smsengine.recipient;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Set;

/**
 * Masks a phone number for roles that may not see it whole: the country code and the last two
 * digits stay, every other digit becomes {@code *} ({@code +86*********00}, API.md). Two digits
 * leave a hundred numbers per mask and per country; with more (the last four and the first three
 * were kept once) an operator confirmed a full number in 56 lookups. Anything else in the text
 * (a number as it was uploaded, an alphanumeric sender) keeps its other characters: only digits
 * tell a number. Who may see them whole is {@code system.Role#seesFullPhones}'s to say.
 */
public final class PhoneMask {

    private static final int KEPT_AT_END = 2;
    private static final int LONGEST_CALLING_CODE = 3;
    /** ITU calling codes are prefix-free: the first one that matches is the number's. */
    private static final Set<Integer> CALLING_CODES = PhoneNumberUtil.getInstance().getSupportedCallingCodes();

    private PhoneMask() {
    }

    /** The phone whole for a viewer who may see it ({@code full}), masked for any other. */
    public static String shown(String phone, boolean full) {
        return full ? phone : mask(phone);
    }

    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        int digits = (int) phone.chars().filter(PhoneMask::isDigit).count();
        int code = callingCodeLength(phone);
        // never every digit shown, however short the text: at least one is hidden
        int keptAtEnd = Math.max(0, Math.min(KEPT_AT_END, digits - code - 1));
        int hideFrom = code;
        int hideTo = digits - keptAtEnd;
        StringBuilder masked = new StringBuilder(phone.length());
        int digit = 0;
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (isDigit(c)) {
                masked.append(digit >= hideFrom && digit < hideTo ? '*' : c);
                digit++;
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    /** How many leading digits are the calling code: only after a leading {@code +}, and only a known code. */
    private static int callingCodeLength(String phone) {
        if (!phone.startsWith("+")) {
            return 0;
        }
        int code = 0;
        for (int length = 1; length <= LONGEST_CALLING_CODE && length < phone.length(); length++) {
            char c = phone.charAt(length);
            if (!isDigit(c)) {
                return 0;
            }
            code = code * 10 + (c - '0');
            if (CALLING_CODES.contains(code)) {
                return length;
            }
        }
        return 0;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
