package org.smsengine.recipient;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.Locale;
import java.util.Set;

/**
 * Normalises phone numbers to E.164 with libphonenumber.
 *
 * <p>{@link PhoneNumberUtil#getInstance()} is one shared instance whose regex cache is
 * synchronized; under parallel validation every thread would queue on that lock. Each
 * thread therefore gets its own instance with its own cache.
 */
public final class PhoneNumbers {

    private static final ThreadLocal<PhoneNumberUtil> UTIL = ThreadLocal.withInitial(
            () -> PhoneNumberUtil.createInstance(DefaultMetadataDependenciesProvider.getInstance().getMetadataLoader()));

    private static final Set<String> REGIONS = PhoneNumberUtil.getInstance().getSupportedRegions();

    private PhoneNumbers() {
    }

    /** Whether {@code region} is an ISO 3166 alpha-2 code libphonenumber knows. */
    public static boolean isSupportedRegion(String region) {
        return region != null && REGIONS.contains(region.toUpperCase(Locale.ROOT));
    }

    /**
     * Checks one phone cell. {@code region} applies to numbers written without a leading
     * {@code +} (or the region's international prefix).
     */
    public static PhoneCheck check(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return new PhoneCheck.Missing();
        }
        PhoneNumberUtil util = UTIL.get();
        try {
            PhoneNumber number = util.parse(raw.strip(), region);
            if (!util.isValidNumber(number)) {
                return new PhoneCheck.Invalid("not a valid number");
            }
            return new PhoneCheck.Valid(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return new PhoneCheck.Invalid(e.getErrorType().name().toLowerCase(Locale.ROOT));
        }
    }
}
