package org.smsengine.recipient;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Normalises phone numbers to E.164 with libphonenumber.
 *
 * <p>{@link PhoneNumberUtil#getInstance()} is one shared instance whose regex cache is
 * synchronized; under parallel validation every thread would queue on that lock. Each
 * thread therefore gets its own instance with its own cache.
 *
 * <p>A cell of only digits, {@code +} and the separators {@code space - ( ) .} cannot hold an
 * extension ({@code ext. 12}, {@code x12}, {@code #12}, {@code ;ext=12} all need another character),
 * and libphonenumber drops those separators itself; such a cell is handed over without them, which
 * spares the costly extension search and gives the same answer.
 *
 * <p>For a calling code shared by several regions (+1 has 25), {@code isValidNumber} first runs
 * every number-type pattern to find the region, then runs them again for it. When the code's main
 * region lists no leading digits, it is the region chosen for any number valid there, so checking
 * that region alone gives the same answer; only a number it refuses takes the full search.
 */
public final class PhoneNumbers {

    private static final ThreadLocal<PhoneNumberUtil> UTIL = ThreadLocal.withInitial(
            () -> PhoneNumberUtil.createInstance(DefaultMetadataDependenciesProvider.getInstance().getMetadataLoader()));

    private static final Set<String> REGIONS = PhoneNumberUtil.getInstance().getSupportedRegions();

    /** Calling codes whose main region is the region of every number valid there (see the class comment). */
    private static final Set<Integer> MAIN_REGION_DECIDES = mainRegionDecides();

    private PhoneNumbers() {
    }

    /**
     * The region of a valid number, found on the way (the main region, or the one of a calling code of one
     * region, costs nothing more); null when the number is not valid.
     */
    private static String validRegion(PhoneNumberUtil util, PhoneNumber number) {
        int code = number.getCountryCode();
        String main = util.getRegionCodeForCountryCode(code);
        if (MAIN_REGION_DECIDES.contains(code) && util.isValidNumberForRegion(number, main)) {
            return main;
        }
        if (!util.isValidNumber(number)) {
            return null;
        }
        List<String> regions = util.getRegionCodesForCountryCode(code);
        String region = regions.size() == 1 ? regions.get(0) : util.getRegionCodeForNumber(number);
        return region == null ? "ZZ" : region;
    }

    private static Set<Integer> mainRegionDecides() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        var metadata = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        return util.getSupportedCallingCodes().stream()
                .filter(code -> {
                    String main = util.getRegionCodeForCountryCode(code);
                    return REGIONS.contains(main) && !metadata.getMetadataForRegion(main).hasLeadingDigits();
                })
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The cell without separators when it is a plain number; otherwise the cell as it is, for libphonenumber to read. */
    static String withoutSeparators(String raw) {
        StringBuilder digits = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= '0' && c <= '9') || c == '+') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
                return raw.strip();
            }
        }
        return digits.toString();
    }

    /** Whether {@code region} is an ISO 3166 alpha-2 code libphonenumber knows. */
    public static boolean isSupportedRegion(String region) {
        return region != null && REGIONS.contains(region.toUpperCase(Locale.ROOT));
    }

    /**
     * Reads one phone cell as {@link #check} does, but takes any number that could exist (a possible
     * length for its country's numbering plan), not only those in ranges valid today: for a list that
     * must never forget a number (opt-outs). A number {@link #check} takes comes out the same (one parse,
     * one format), so the two always name it alike; one it refuses today may become valid with newer
     * metadata, and its opt-out must be there when it does. Cheaper too: no number-type patterns run.
     */
    public static PhoneCheck checkPossible(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return new PhoneCheck.Missing();
        }
        PhoneNumberUtil util = UTIL.get();
        try {
            PhoneNumber number = util.parse(withoutSeparators(raw), region);
            if (!util.isPossibleNumber(number)) {
                return new PhoneCheck.Invalid("not a possible number");
            }
            return new PhoneCheck.Valid(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), null);
        } catch (NumberParseException e) {
            return new PhoneCheck.Invalid(e.getErrorType().name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The region (ISO 3166 alpha-2) a valid number in E.164 belongs to, for country rules. A calling
     * code of one region answers at once; a shared one (+1, +7, +44, ...) takes libphonenumber's
     * search of the regions' number patterns, so a Canadian +1 is CA, not US. {@code "ZZ"} when it
     * belongs to none (which a number {@link #check} accepted does not do).
     */
    public static String region(String e164) {
        PhoneNumberUtil util = UTIL.get();
        try {
            PhoneNumber number = util.parse(e164, "ZZ");
            List<String> regions = util.getRegionCodesForCountryCode(number.getCountryCode());
            if (regions.size() == 1) {
                return regions.get(0);
            }
            String region = util.getRegionCodeForNumber(number);
            return region == null ? "ZZ" : region;
        } catch (NumberParseException e) {
            return "ZZ";
        }
    }

    /**
     * Checks one phone cell, and finds the region of a valid number (for country rules, routes and prices:
     * found here, where the number is parsed anyway, it costs a pattern search only for a number outside its
     * calling code's main region). {@code region} applies to numbers written without a leading
     * {@code +} (or the region's international prefix).
     */
    public static PhoneCheck check(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return new PhoneCheck.Missing();
        }
        PhoneNumberUtil util = UTIL.get();
        try {
            PhoneNumber number = util.parse(withoutSeparators(raw), region);
            String valid = validRegion(util, number);
            if (valid == null) {
                return new PhoneCheck.Invalid("not a valid number");
            }
            return new PhoneCheck.Valid(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), valid);
        } catch (NumberParseException e) {
            return new PhoneCheck.Invalid(e.getErrorType().name().toLowerCase(Locale.ROOT));
        }
    }
}
