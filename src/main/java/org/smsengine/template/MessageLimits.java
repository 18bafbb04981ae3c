package org.smsengine.template;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How large a message may be ({@code sms.message}). A template over them is refused when a batch
 * or campaign is created; a row whose rendered message has more segments is rejected
 * ({@code message_too_long}) and never reaches delivery.
 *
 * @param maxTemplateLength longest template, in characters (placeholders included)
 * @param maxVariables      most distinct {@code {{variables}}} in a template
 * @param maxSegments       most segments (parts) a message may be sent in: 1 to {@value #MAX_PARTS}, because the
 *                          concatenation header of a multi-part SMS counts its parts in one byte
 */
@ConfigurationProperties("sms.message")
public record MessageLimits(
        @DefaultValue("2000") int maxTemplateLength,
        @DefaultValue("50") int maxVariables,
        @DefaultValue("10") int maxSegments) {

    public static final int MAX_PARTS = 255;

    public MessageLimits {
        if (maxSegments < 1 || maxSegments > MAX_PARTS) {
            throw new IllegalArgumentException("sms.message.max-segments is " + maxSegments + "; it must be 1 to " + MAX_PARTS
                    + ": the concatenation header of a multi-part SMS counts its parts in one byte");
        }
        if (maxTemplateLength < 1 || maxVariables < 0) {
            throw new IllegalArgumentException("sms.message.max-template-length must be at least 1 and"
                    + " sms.message.max-variables at least 0");
        }
    }

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
