package org.smsengine.recipient;

/**
 * Masks a phone number for roles that may not see it whole: the country code and first digits
 * stay, as do the last four, so an operator can still tell numbers apart ({@code +86138****8000}).
 */
public final class PhoneMask {

    private static final int KEPT_AT_START = 6;
    private static final int KEPT_AT_END = 4;
    private static final String STARS = "****";

    private PhoneMask() {
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
