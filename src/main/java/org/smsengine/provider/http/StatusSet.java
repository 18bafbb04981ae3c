package org.smsengine.provider.http;

import java.util.BitSet;
import java.util.Locale;

/** A set of HTTP statuses written as a list of codes, ranges and classes: {@code 2xx, 429, 500-503}. */
final class StatusSet {

    private final BitSet statuses;

    private StatusSet(BitSet statuses) {
        this.statuses = statuses;
    }

    /** @throws IllegalArgumentException naming the element that is not a status (100-599), a range or a class */
    static StatusSet parse(String text) {
        BitSet statuses = new BitSet(600);
        for (String raw : (text == null ? "" : text).split(",")) {
            String element = raw.trim().toLowerCase(Locale.ROOT);
            if (element.isEmpty()) {
                continue;
            }
            if (element.matches("[1-5]xx")) {
                int first = (element.charAt(0) - '0') * 100;
                statuses.set(first, first + 100);
            } else if (element.matches("\\d{3}-\\d{3}") && range(element) != null) {
                int[] range = range(element);
                statuses.set(range[0], range[1] + 1);
            } else if (element.matches("\\d{3}") && valid(Integer.parseInt(element))) {
                statuses.set(Integer.parseInt(element));
            } else {
                throw new IllegalArgumentException("'" + raw.trim()
                        + "' is not a status (100-599), a range (500-503) or a class (5xx)");
            }
        }
        return new StatusSet(statuses);
    }

    boolean contains(int status) {
        return status >= 0 && statuses.get(status);
    }

    private static int[] range(String element) {
        int from = Integer.parseInt(element.substring(0, 3));
        int to = Integer.parseInt(element.substring(4));
        return valid(from) && valid(to) && from <= to ? new int[] {from, to} : null;
    }

    private static boolean valid(int status) {
        return status >= 100 && status <= 599;
    }
}
