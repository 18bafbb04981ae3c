package org.smsengine.provider.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;

/**
 * One outcome a device reports: SENT or DELIVERED (it left the phone, or the phone heard it was
 * delivered), or FAILED, with {@code retry} saying whether another device should try it.
 */
record ReportItem(Long id, String outcome, Boolean retry, String error) {

    static final Set<String> OUTCOMES = Set.of("SENT", "DELIVERED", "FAILED");
    static final int MAX_ERROR_LENGTH = 500;

    boolean failed() {
        return "FAILED".equals(outcome);
    }

    boolean retried() {
        return failed() && Boolean.TRUE.equals(retry);
    }

    /** Every error of a report at once, each naming its item ({@code [3].outcome}); nothing is applied if any. */
    static void check(List<ReportItem> items, int maxPerReport) {
        if (items == null) {
            throw new InvalidInputException(InputError.field("report", "a JSON array of outcomes is required"));
        }
        if (items.size() > maxPerReport) {
            throw new InvalidInputException(InputError.field("report", "at most " + maxPerReport
                    + " outcomes may be reported at once, not " + items.size()));
        }
        List<InputError> errors = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ReportItem item = items.get(i);
            String at = "[" + i + "]";
            if (item == null) {
                errors.add(InputError.field(at, "an outcome is an object, not null"));
                continue;
            }
            if (item.id() == null || item.id() <= 0) {
                errors.add(InputError.field(at + ".id", "the id of a pulled message is required"));
            } else if (seen.putIfAbsent(item.id(), i) != null) {
                errors.add(InputError.field(at + ".id", "message " + item.id() + " is reported twice (also at ["
                        + seen.get(item.id()) + "])"));
            }
            if (item.outcome() == null || !OUTCOMES.contains(item.outcome())) {
                errors.add(InputError.field(at + ".outcome", "one of SENT, DELIVERED, FAILED is required"));
            }
            if (item.error() != null && item.error().length() > MAX_ERROR_LENGTH) {
                errors.add(InputError.field(at + ".error", "at most " + MAX_ERROR_LENGTH + " characters"));
            } else if (item.error() != null && item.error().chars().anyMatch(Character::isISOControl)) {
                // a NUL is refused by PostgreSQL in text: the whole report would fail in the database instead
                errors.add(InputError.field(at + ".error", "no control characters (a NUL, a line break)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The report is not valid: " + errors.get(0).field() + ": "
                    + errors.get(0).message(), errors);
        }
    }
}
