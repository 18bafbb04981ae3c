package org.smsengine.recipient;

/**
 * Masks a phone number for roles that may not see it whole: the country code and first digits
 * stay, as do the last four, so an operator can still tell numbers apart ({@code +86138****8000}).
 * Who may see them whole is {@code system.Role#seesFullPhones}'s to say.
 */
public final class PhoneMask {

    private static final int KEPT_AT_START = 6;
    private static final int KEPT_AT_END = 4;
    private static final String STARS = "****";

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
        if (phone.length() <= KEPT_AT_START + KEPT_AT_END) {
            return STARS + phone.substring(Math.max(0, phone.length() - KEPT_AT_END));
        }
        return phone.substring(0, KEPT_AT_START) + STARS + phone.substring(phone.length() - KEPT_AT_END);
    }
}
