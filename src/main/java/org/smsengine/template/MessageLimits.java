package org.smsengine.template;

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

    /** Segments of the message as it is sent, and whether that is within the limit. */
    public boolean fits(EncodedText message) {
        return message.segments() <= maxSegments;
    }
}
