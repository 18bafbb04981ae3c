package org.smsengine.inbound;

import java.util.Locale;

/** What the engine did about a message a handset sent. */
public enum InboundAction {
    /** A STOP from a number: it is on the opt-out list now (or was already: the handset's wish is recorded all the same). */
    OPTED_OUT,
    /** A START that lifted the number's keyword opt-out. */
    OPTED_IN,
    /** A HELP that was answered. */
    REPLIED,
    /** Nothing: a free text, a keyword from an address that is not a number, a START with no keyword opt-out to lift... */
    NONE;

    /** As stored and shown: {@code opted_out}, {@code opted_in}, {@code replied}, {@code none}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
