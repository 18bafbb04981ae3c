package org.smsengine.inbound;

import java.util.Locale;
import java.util.Optional;

/** What a message a handset sent asks of us, when it is one of the keywords: stop sending, start again, help. */
public enum Keyword {
    STOP,
    START,
    HELP;

    /** The keyword of that name whatever its case ({@code stop}, {@code Stop}), or empty. */
    static Optional<Keyword> named(String name) {
        for (Keyword keyword : values()) {
            if (keyword.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }
}
