package org.smsengine.recipient;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The engine's country rule ({@code sms.countries}): an allow list or a deny list of ISO 3166
 * alpha-2 codes, not both; neither: every country. A batch's own rule replaces it.
 *
 * @param allow the only countries (ISO 3166 alpha-2) messages may go to; none: every country not denied
 * @param deny  countries messages may not go to (not with {@code allow})
 */
@ConfigurationProperties("sms.countries")
@Validated
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
