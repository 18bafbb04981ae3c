package org.smsengine.optout;

import java.util.List;
import java.util.Optional;
import org.smsengine.recipient.PhoneCheck;
import org.smsengine.recipient.PhoneNumbers;
import org.smsengine.system.InputError;
import org.smsengine.system.UserText;
import org.smsengine.system.UserText.Kind;

/**
 * What may go onto the opt-out list: a number read as batches read theirs ({@link PhoneNumbers}, the
 * region applying to numbers written without {@code +}), so a number a batch would send to is the
 * number its opt-out names, but any number that could exist, not only those valid today
 * ({@link PhoneNumbers#checkPossible}): consent must outlive a libphonenumber upgrade that makes a
 * range valid. And the reason given for it (or for a removal).
 */
final class OptOutNumbers {

    static final int MAX_REASON_LENGTH = 500;

    private OptOutNumbers() {
    }

    /** Why a cell cannot go on the list, or empty when {@code check} found a number. */
    static Optional<String> problem(PhoneCheck check, String region) {
        if (check instanceof PhoneCheck.Missing) {
            return Optional.of("no phone number");
        }
        if (check instanceof PhoneCheck.Invalid invalid) {
            return Optional.of("not a possible phone number in region " + region + " (" + invalid.why() + ")");
        }
        return Optional.empty();
    }

    /** A reason: text of a few lines, at most {@value #MAX_REASON_LENGTH} characters, stripped; null when blank and optional. */
    static String reason(String value, boolean required, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(InputError.field("reason", "reason is required: say why the number may be sent to again"));
            }
            return null;
        }
        String reason = value.strip();
        if (!UserText.check("reason", reason, Kind.MULTILINE, errors)) {
            return null;
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            errors.add(InputError.field("reason", "reason is longer than " + MAX_REASON_LENGTH + " characters"));
            return null;
        }
        return reason;
    }
}
