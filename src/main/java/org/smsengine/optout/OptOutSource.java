package org.smsengine.optout;

import java.util.Locale;

/** How a number came onto the opt-out list: over the API, by an import, or by a keyword its owner sent. */
public enum OptOutSource {
    API,
    IMPORT,
    KEYWORD;

    /** As stored and shown: {@code api}, {@code import}, {@code keyword}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
