package org.smsengine.recipient;

import java.util.Locale;

/** Why a row did not become a message. The codes are part of the API and never change. */
public enum RejectReason {

    INVALID_NUMBER,
    MISSING_PHONE,
    DUPLICATE,
    OPTED_OUT,
    MISSING_VARIABLE,
    MALFORMED_ROW,
    /** The rendered message would be sent in more segments than {@code sms.message.max-segments}. */
    MESSAGE_TOO_LONG,
    /** The number's country is outside the batch's country rule (sms.countries, or the batch's own). */
    COUNTRY_BLOCKED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code invalid} in a batch's counts covers every reason but duplicates and opt-outs. */
    public boolean countsAsInvalid() {
        return this != DUPLICATE && this != OPTED_OUT;
    }
}
