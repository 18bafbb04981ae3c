package org.smsengine.optout;

import java.time.OffsetDateTime;
import org.smsengine.recipient.PhoneMask;

/**
 * An entry of the opt-out list as stored and shown: {@code source} api, import or keyword, the
 * inbound message behind a keyword's, who put it there and when.
 */
public record OptOutEntry(String phone, String source, String reason, Long inboundId, String createdBy,
        OffsetDateTime createdAt) {

    /** The entry as a viewer sees it: the phone whole only for one who may see phones whole. */
    OptOutEntry shown(boolean fullPhones) {
        return new OptOutEntry(PhoneMask.shown(phone, fullPhones), source, reason, inboundId, createdBy, createdAt);
    }
}
