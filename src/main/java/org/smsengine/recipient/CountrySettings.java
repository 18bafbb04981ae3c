package org.smsengine.recipient;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The engine's country rule ({@code sms.countries}): an allow list or a deny list of ISO 3166
 * alpha-2 codes, not both; neither: every country. A batch's own rule replaces it.
 */
@ConfigurationProperties("sms.countries")
public record CountrySettings(@DefaultValue List<String> allow, @DefaultValue List<String> deny) {

    /** The rule; a wrong code or both lists stop the engine at start-up with a message naming them. */
    public CountryRule rule() {
        try {
            return CountryRule.of(allow, deny);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sms.countries: " + e.getMessage(), e);
        }
    }
}
