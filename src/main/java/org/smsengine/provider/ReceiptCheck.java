package org.smsengine.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a receipt from outside may hold before the engine takes it (API.md, "Receipts"): the one rule,
 * for every provider's receipts, checked where they come in. A provider's id of a part is 1-64
 * printable ASCII characters, the carrier's error code at most 32 of them, and a done date within
 * two years of now. Without it, one receipt holding a NUL (PostgreSQL refuses it in text) or a date
 * it cannot store failed every pass of the receipts held with it, for ever.
 */
public final class ReceiptCheck {

    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_ERROR_LENGTH = 32;
    public static final Duration MAX_SKEW = Duration.ofDays(2 * 366);

    /**
     * Why a receipt was not taken.
     *
     * @param field  what is wrong: {@code messageId}, {@code error}, {@code doneAt} or {@code status}
     * @param reason a stable code, for metrics ({@code id_missing}, {@code id_too_long}, {@code id_not_printable},
     *               {@code error_too_long}, {@code error_not_printable}, {@code done_at_out_of_range},
     *               {@code status_unknown}, {@code unreadable})
     * @param detail what a person reads
     */
    public record Fault(String field, String reason, String detail) {
    }

    private ReceiptCheck() {
    }

    /** The first rule the receipt's parts break, or empty when it may be taken. */
    public static Optional<Fault> check(String providerMessageId, String errorCode, Instant doneAt, Instant now) {
        if (providerMessageId == null || providerMessageId.isBlank()) {
            return fault("messageId", "id_missing", "is missing");
        }
        if (providerMessageId.length() > MAX_ID_LENGTH) {
            return fault("messageId", "id_too_long", "is " + providerMessageId.length() + " characters; at most "
                    + MAX_ID_LENGTH);
        }
        if (!printable(providerMessageId)) {
            return fault("messageId", "id_not_printable", "holds a character that is not printable ASCII");
        }
        if (errorCode != null && errorCode.length() > MAX_ERROR_LENGTH) {
            return fault("error", "error_too_long", "is " + errorCode.length() + " characters; at most " + MAX_ERROR_LENGTH);
        }
        if (errorCode != null && !printable(errorCode)) {
            return fault("error", "error_not_printable", "holds a character that is not printable ASCII");
        }
        if (doneAt != null && (doneAt.isBefore(now.minus(MAX_SKEW)) || doneAt.isAfter(now.plus(MAX_SKEW)))) {
            return fault("doneAt", "done_at_out_of_range", doneAt + " is not within two years of now");
        }
        return Optional.empty();
    }

    /** A status the provider's mapping does not know. */
    public static Fault unknownStatus(String status) {
        String shown = status == null ? "none" : printable(status) && status.length() <= MAX_ERROR_LENGTH ? "'" + status + "'"
                : "a status of " + status.length() + " characters";
        return new Fault("status", "status_unknown", "is " + shown + ", which the provider's mapping does not know");
    }

    /** Printable ASCII, space included: what a carrier's id or code is made of, and what every log and CSV can show. */
    public static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Fault> fault(String field, String reason, String detail) {
        return Optional.of(new Fault(field, reason, detail));
    }
}
