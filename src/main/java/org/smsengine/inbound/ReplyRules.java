package org.smsengine.inbound;

import java.util.Locale;
import org.smsengine.system.UserText;
import org.smsengine.template.MessageLimits;
import org.smsengine.template.SegmentCounter;
import org.springframework.stereotype.Component;

/**
 * Whether a keyword gets its reply: one is configured, the number has not had that reply within
 * {@code sms.consent.reply-interval} (two robots answering each other would otherwise loop), and,
 * for HELP, the number is not opted out. A STOP's confirmation is the one message an opted-out
 * number may still get: it is what the law asks (the handset is told its wish is granted). A START's
 * is sent only when START lifted an opt-out (the caller asks only then), so no opted-out number is
 * told it is subscribed.
 */
@Component
class ReplyRules {

    private final ConsentSettings settings;
    private final InboundMapper inbound;

    ReplyRules(ConsentSettings settings, InboundMapper inbound, MessageLimits limits) {
        this.settings = settings;
        this.inbound = inbound;
        for (Keyword keyword : Keyword.values()) {
            check(keyword, settings.replies().of(keyword), limits);
        }
    }

    /** The reply due to {@code phone} for {@code keyword} now, or null for none. */
    String due(Keyword keyword, String phone) {
        String text = settings.replies().of(keyword);
        if (text.isEmpty()) {
            return null;
        }
        if (keyword == Keyword.HELP && inbound.optedOut(phone)) {
            return null;
        }
        return inbound.repliedLately(phone, keyword, settings.replyInterval().toSeconds()) ? null : text;
    }

    /** A reply that could not be sent stops the engine at start-up, not at the first keyword. */
    private static void check(Keyword keyword, String text, MessageLimits limits) {
        String where = "sms.consent.replies." + keyword.name().toLowerCase(Locale.ROOT);
        UserText.problem(text, UserText.Kind.MULTILINE).ifPresent(problem -> {
            throw new IllegalStateException(where + " " + problem);
        });
        if (!text.isEmpty() && !limits.fits(SegmentCounter.encode(text))) {
            throw new IllegalStateException(where + " is sent in " + SegmentCounter.encode(text).segments()
                    + " segments; a message may have at most " + limits.maxSegments() + " (sms.message.max-segments)");
        }
    }
}
