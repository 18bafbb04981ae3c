package org.smsengine.provider.smpp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smsengine.provider.ProviderSettings;

/**
 * How the ids of an SMSC's receipts relate to those of its {@code submit_sm_resp} (the provider's
 * {@code receipt-id}). With HEX_TO_DECIMAL or DECIMAL_TO_HEX both sides are kept in decimal, as Kannel
 * does: the accepted part's id is converted as it is handed on, and so is the receipt's, so case and
 * leading zeros cannot stand between them. With AUTO a receipt names its id as it came, then
 * alternatives in the other base, which the engine tries when the id itself matches no part.
 * <p>
 * AUTO offers an alternative only where the forms of the recent ids allow the relation: a receipt of
 * digits is also read as hexadecimal only while recent answers hold letters and recent receipts do not,
 * and a receipt with letters is read as decimal only while recent answers are digits only. Offering every
 * conversion to every receipt would be wrong for the common SMSC whose ids are the same on both sides: a
 * receipt can come before its part is recorded, and its id read in the other base may then name another,
 * older part of the same provider, which would take the receipt in its place.
 */
final class ReceiptIds {

    /** Ids of up to 64 bits, as Kannel converts them: longer ones are not numbers. */
    private static final int MAX_HEX = 16;
    private static final int MAX_DECIMAL = 19;
    /** How many recent ids of each side AUTO judges the forms by. */
    private static final int RECENT = 64;

    private final ProviderSettings.ReceiptId relation;
    private final Recent answersWithLetters = new Recent(RECENT);
    private final Recent receiptsWithLetters = new Recent(RECENT);
    private volatile boolean answersUpperCase;
    private volatile int answersWidth;

    ReceiptIds(ProviderSettings.ReceiptId relation) {
        this.relation = relation;
    }

    /** The id of an accepted part, as it is recorded: in decimal when the relation is a conversion. */
    String answered(String id) {
        return switch (relation) {
            case HEX_TO_DECIMAL -> hexToDecimal(id, id);
            case DECIMAL_TO_HEX -> decimal(id) ? canonicalDecimal(id) : id;
            case SAME -> id;
            case AUTO -> {
                observeAnswer(id);
                yield id;
            }
        };
    }

    /** The id a receipt is matched by first, as {@link #answered} records it. */
    String receipt(String id) {
        return switch (relation) {
            case HEX_TO_DECIMAL -> decimal(id) ? canonicalDecimal(id) : id;
            case DECIMAL_TO_HEX -> hexToDecimal(id, id);
            case SAME, AUTO -> id;
        };
    }

    /** Other forms to try when {@link #receipt} matches no part: AUTO's conversions, where the recent ids allow them. */
    List<String> alternatives(String id) {
        if (relation != ProviderSettings.ReceiptId.AUTO) {
            return List.of();
        }
        boolean digits = decimal(id);
        receiptsWithLetters.add(!digits);
        boolean answersHex = answersWithLetters.any();
        boolean answersDecimal = answersWithLetters.seen() && !answersHex;
        List<String> alternatives = new ArrayList<>(1);
        if (digits && answersHex && !receiptsWithLetters.any() && id.length() <= MAX_DECIMAL) {
            alternatives.add(asAnswered(new BigInteger(id).toString(16)));
        } else if (answersDecimal && hex(id) && (!digits || receiptsWithLetters.any())) {
            alternatives.add(hexToDecimal(id, null));
        }
        alternatives.remove(id);
        alternatives.remove(null);
        return alternatives;
    }

    private void observeAnswer(String id) {
        boolean letters = !decimal(id);
        answersWithLetters.add(letters);
        if (letters && hex(id)) {
            answersUpperCase = !id.equals(id.toLowerCase(Locale.ROOT));
            answersWidth = id.length() > 1 && id.charAt(0) == '0' ? id.length() : 0;
        }
    }

    /** A hexadecimal id as the SMSC's answers write them: in their case, zero-padded to their width if they are. */
    private String asAnswered(String hex) {
        String cased = answersUpperCase ? hex.toUpperCase(Locale.ROOT) : hex;
        return cased.length() < answersWidth ? "0".repeat(answersWidth - cased.length()) + cased : cased;
    }

    private static String hexToDecimal(String id, String otherwise) {
        return hex(id) ? new BigInteger(id, 16).toString() : otherwise;
    }

    private static String canonicalDecimal(String id) {
        return id.length() <= MAX_DECIMAL ? new BigInteger(id).toString() : id;
    }

    static boolean decimal(String id) {
        return !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static boolean hex(String id) {
        return !id.isEmpty() && id.length() <= MAX_HEX
                && id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }

    /** Whether any of the last {@code size} ids had a mark, and whether any id was seen at all. */
    private static final class Recent {

        private final boolean[] marks;
        private int next;
        private int seen;
        private int marked;

        Recent(int size) {
            this.marks = new boolean[size];
        }

        synchronized void add(boolean mark) {
            if (seen == marks.length && marks[next]) {
                marked--;
            }
            marks[next] = mark;
            marked += mark ? 1 : 0;
            next = (next + 1) % marks.length;
            seen = Math.min(seen + 1, marks.length);
        }

        synchronized boolean any() {
            return marked > 0;
        }

        synchronized boolean seen() {
            return seen > 0;
        }
    }
}
