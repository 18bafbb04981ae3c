package org.smsengine.recipient;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time zone of an E.164 number (libphonenumber's time zone mapper; the first of its zones),
 * for send windows in the recipient's local time. Zones follow the country code and, where a
 * country has several, the area code: a number's first digits decide, so answers are cached by
 * prefix and a batch of millions costs a map lookup per number.
 */
public final class TimeZones {

    /** "+" and up to six digits: country code and area code for every numbering plan with several zones. */
    private static final int PREFIX = 7;
    private static final String UNKNOWN = "UTC";
    private static final Map<String, String> BY_PREFIX = new ConcurrentHashMap<>();

    private TimeZones() {
    }

    public static String of(String e164) {
        if (e164 == null || e164.length() < 3) {
            return UNKNOWN;
        }
        return BY_PREFIX.computeIfAbsent(e164.substring(0, Math.min(PREFIX, e164.length())), prefix -> lookUp(e164));
    }

    private static String lookUp(String e164) {
        try {
            List<String> zones = PhoneNumberToTimeZonesMapper.getInstance()
                    .getTimeZonesForNumber(PhoneNumberUtil.getInstance().parse(e164, null));
            String zone = zones.isEmpty() ? UNKNOWN : zones.get(0);
            return zone.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()) ? UNKNOWN : zone;
        } catch (NumberParseException e) {
            return UNKNOWN;
        }
    }
}
