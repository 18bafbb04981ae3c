package org.smsengine.recipient;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which countries a batch may send to (SMS-pumping protection): every country, only those of an
 * allow list, or all but those of a deny list, by ISO 3166 alpha-2 region. The engine's rule is
 * {@code sms.countries}; a batch may carry its own, which replaces it. A number outside the rule is
 * rejected at validation ({@code country_blocked}) and never routed.
 *
 * <p>Stored on a batch as text: {@code allow:US,CA} or {@code deny:NG}; none for "the engine's rule".
 */
public record CountryRule(Kind kind, Set<String> regions) {

    public enum Kind { ALL, ALLOW, DENY }

    public static final CountryRule ALL = new CountryRule(Kind.ALL, Set.of());

    public CountryRule {
        regions = Set.copyOf(regions);
    }

    /** Whether the rule lets a number of {@code region} through. */
    public boolean allows(String region) {
        return switch (kind) {
            case ALL -> true;
            case ALLOW -> regions.contains(region);
            case DENY -> !regions.contains(region);
        };
    }

    /** Whether the rule lets every number through (then no region need be looked up). */
    public boolean isOpen() {
        return kind == Kind.ALL;
    }

    /**
     * The rule of an allow list or a deny list (at most one of them non-empty), or ALL; the regions
     * upper-cased. A code libphonenumber does not know, or both lists given, is an
     * {@link IllegalArgumentException} naming it, for the caller to answer as it must (a 400, a
     * refused start-up).
     */
    public static CountryRule of(List<String> allow, List<String> deny) {
        List<String> allowed = clean(allow);
        List<String> denied = clean(deny);
        if (!allowed.isEmpty() && !denied.isEmpty()) {
            throw new IllegalArgumentException("give either countries to allow or countries to deny, not both");
        }
        if (allowed.isEmpty() && denied.isEmpty()) {
            return ALL;
        }
        List<String> codes = allowed.isEmpty() ? denied : allowed;
        List<String> unknown = codes.stream().filter(code -> !PhoneNumbers.isSupportedRegion(code)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not ISO 3166 country codes of a numbering plan: " + unknown);
        }
        return new CountryRule(allowed.isEmpty() ? Kind.DENY : Kind.ALLOW, new LinkedHashSet<>(codes));
    }

    /** The batch column's text, or null for ALL. */
    public String stored() {
        return kind == Kind.ALL ? null : kind.name().toLowerCase(Locale.ROOT) + ":" + String.join(",", regions.stream().sorted().toList());
    }

    /** The rule a batch column holds; ALL for null. */
    public static CountryRule fromStored(String stored) {
        if (stored == null || stored.isBlank()) {
            return ALL;
        }
        int colon = stored.indexOf(':');
        List<String> codes = List.of(stored.substring(colon + 1).split(","));
        return new CountryRule(Kind.valueOf(stored.substring(0, colon).toUpperCase(Locale.ROOT)), new LinkedHashSet<>(codes));
    }

    private static List<String> clean(List<String> codes) {
        List<String> cleaned = new ArrayList<>();
        if (codes != null) {
            for (String code : codes) {
                if (code != null && !code.isBlank()) {
                    // a form's "US, CA" arrives as one value or several
                    for (String part : code.split(",")) {
                        if (!part.isBlank()) {
                            cleaned.add(part.strip().toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return cleaned;
    }
}
