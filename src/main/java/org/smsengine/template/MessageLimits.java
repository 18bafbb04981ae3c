package org.smsengine.template;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How large a message may be ({@code sms.message}). A template over them is refused when a batch
 * or campaign is created; a row whose rendered message has more segments is rejected
 * ({@code message_too_long}) and never reaches delivery.
 *
 * @param maxTemplateLength longest template, in characters (placeholders included)
 * @param maxVariables      most distinct {@code {{variables}}} in a template
 * @param maxSegments       most segments (parts) a message may be sent in: 1 to 255, because the concatenation
 *                          header of a multi-part SMS counts its parts in one byte
 */
@ConfigurationProperties("sms.message")
@Validated
public record MessageLimits(
        @Min(1) @DefaultValue("2000") int maxTemplateLength,
        @Min(0) @DefaultValue("50") int maxVariables,
        @Min(1) @Max(value = MAX_PARTS, message = "must be at most " + MAX_PARTS
                + ": the concatenation header of a multi-part SMS counts its parts in one byte")
        @DefaultValue("10") int maxSegments) {

    public static final int MAX_PARTS = 255;

    /** Whether a message, as it is sent, is within the segment limit. */
    public boolean fits(EncodedText message) {
        return message.segments() <= maxSegments;
    }

    /**
     * What is wrong with a parsed template, if anything: too many variables, or fixed text alone
     * (every variable empty) over the segment limit, which its variables can only add to.
     */
    public Optional<String> problem(MessageTemplate template) {
        int variables = template.variables().size();
        if (variables > maxVariables) {
            return Optional.of("The template has " + variables + " variables; at most " + maxVariables
                    + " are allowed (sms.message.max-variables)");
        }
        EncodedText fixed = SegmentCounter.encode(template.render(new String[variables]));
        if (!fits(fixed)) {
            return Optional.of("The template's fixed text alone is sent in " + fixed.segments()
                    + " segments; a message may have at most " + maxSegments + " (sms.message.max-segments)");
        }
        return Optional.empty();
    }
}
