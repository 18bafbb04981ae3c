package org.smsengine.provider.smpp;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.jsmpp.bean.DeliverSm;
import org.smsengine.provider.Receipt;
import org.smsengine.provider.ReceiptStatus;

/**
 * Reads a {@code deliver_sm} that carries an SMSC delivery receipt into a {@link Receipt}. The
 * receipt text has the SMPP 3.4 Appendix B form, {@code id:... sub:... dlvrd:... submit date:...
 * done date:YYMMDDhhmm[ss] stat:DELIVRD err:000 text:...}; only id, stat, err and done date are read.
 * (jSMPP's own parser builds dates through SimpleDateFormat and was the costliest part of
 * taking thousands of receipts a second.)
 */
final class ReceiptReader {

    private ReceiptReader() {
    }

    /** The receipt, or empty when the PDU is not a receipt or its state is not final (ENROUTE, ACCEPTD, UNKNOWN). */
    static Optional<Receipt> read(String provider, DeliverSm deliverSm) {
        if (!deliverSm.isSmscDeliveryReceipt() || deliverSm.getShortMessage() == null) {
            return Optional.empty();
        }
        return read(provider, new String(deliverSm.getShortMessage(), StandardCharsets.ISO_8859_1));
    }

    static Optional<Receipt> read(String provider, String text) {
        String id = field(text, "id:");
        String stat = field(text, "stat:");
        if (id == null || stat == null) {
            return Optional.empty();
        }
        ReceiptStatus status = switch (stat.toUpperCase(Locale.ROOT)) {
            case "DELIVRD" -> ReceiptStatus.DELIVERED;
            case "UNDELIV", "DELETED" -> ReceiptStatus.UNDELIVERED;
            case "EXPIRED" -> ReceiptStatus.EXPIRED;
            case "REJECTD" -> ReceiptStatus.REJECTED;
            default -> null;
        };
        if (status == null) {
            return Optional.empty();
        }
        String error = status == ReceiptStatus.DELIVERED ? null : "receipt:" + stat + ":" + field(text, "err:");
        return Optional.of(new Receipt(provider, id, status, error, doneAt(field(text, "done date:"))));
    }

    /** The value after {@code name}, up to the next space; null when absent. Names are matched without regard to case. */
    private static String field(String text, String name) {
        int at = indexOfIgnoreCase(text, name);
        if (at < 0) {
            return null;
        }
        int start = at + name.length();
        int end = text.indexOf(' ', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static int indexOfIgnoreCase(String text, String name) {
        for (int i = 0; i + name.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, name, 0, name.length())) {
                return i;
            }
        }
        return -1;
    }

    /** {@code YYMMDDhhmm} or {@code YYMMDDhhmmss}, taken as UTC; null when it is not that. */
    private static Instant doneAt(String value) {
        if (value == null || (value.length() != 10 && value.length() != 12) || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int second = value.length() == 12 ? Integer.parseInt(value.substring(10, 12)) : 0;
        try {
            return LocalDateTime.of(2000 + Integer.parseInt(value.substring(0, 2)), Integer.parseInt(value.substring(2, 4)),
                    Integer.parseInt(value.substring(4, 6)), Integer.parseInt(value.substring(6, 8)),
                    Integer.parseInt(value.substring(8, 10)), second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
