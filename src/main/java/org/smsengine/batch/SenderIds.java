package org.smsengine.batch;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a provider accepts as a sender id (source address). Numeric: an optional {@code +} and
 * digits, at most {@value #MAX_NUMERIC} characters in all (SMPP's {@code source_addr}). Otherwise
 * alphanumeric: at most {@value #MAX_ALPHANUMERIC} characters (GSM 03.40), ASCII letters, digits,
 * spaces and {@code . _ & -}, which carriers pass on; {@code SmppBind.Address.of} then sends it as
 * TON alphanumeric.
 */
final class SenderIds {

    static final int MAX_NUMERIC = 20;
    static final int MAX_ALPHANUMERIC = 11;

    private static final Pattern NUMERIC = Pattern.compile("\\+?[0-9]+");
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9 ._&-]+");

    private SenderIds() {
    }

    /** Why a (stripped, single-line) sender id would be refused, if it would. */
    static Optional<String> problem(String sender) {
        if (NUMERIC.matcher(sender).matches()) {
            return sender.length() <= MAX_NUMERIC ? Optional.empty()
                    : Optional.of("A numeric sender id has at most " + MAX_NUMERIC + " characters, a leading + included");
        }
        if (!ALPHANUMERIC.matcher(sender).matches()) {
            return Optional.of("An alphanumeric sender id has only the letters A-Z and a-z, digits, spaces and . _ & -");
        }
        return sender.length() <= MAX_ALPHANUMERIC ? Optional.empty()
                : Optional.of("An alphanumeric sender id has at most " + MAX_ALPHANUMERIC + " characters (GSM 03.40)");
    }
}
