package org.smsengine.batch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.smsengine.system.PayloadTooLargeException;
import org.smsengine.system.UserText.Kind;
import org.smsengine.system.UserText;
import org.smsengine.upload.JsonRecipient;

/** The JSON form of {@code POST /api/v1/batches}, for API-driven batches. */
public record JsonBatchRequest(String name, String template, String region, String senderId, OffsetDateTime sendAt,
        Integer tps, OffsetDateTime validUntil, Boolean transactional, List<String> allowCountries,
        List<String> denyCountries, BigDecimal budget, String tag, List<JsonRecipient> recipients) {

    /** Rows named in one problem at most: enough to see the pattern, small enough to read. */
    private static final int MAX_ROW_ERRORS = 20;

    BatchParameters parameters() {
        return new BatchParameters(name, template, region, SendParameterValidator.DEFAULT_PHONE_COLUMN, senderId, sendAt, tps,
                validUntil, transactional, allowCountries, denyCountries, budget, tag);
    }

    /**
     * The recipients, checked before anything is written: at least one, at most {@code max} (413),
     * every variable in some recipient's vars, and phones and values that are text a user may send
     * (a 400 naming the rows, numbered from 1; a NUL would otherwise fail the batch's database writes).
     */
    List<JsonRecipient> checkedRecipients(int max, List<String> variables) {
        if (recipients == null || recipients.isEmpty()) {
            throw new InvalidInputException(InputError.field("recipients", "A batch needs at least one recipient"));
        }
        if (recipients.size() > max) {
            throw new PayloadTooLargeException("The JSON form takes at most " + max
                    + " recipients (sms.upload.max-json-recipients); upload a CSV for more");
        }
        List<InputError> errors = new ArrayList<>();
        for (int i = 0; i < recipients.size() && errors.size() < MAX_ROW_ERRORS; i++) {
            checkText(i + 1, recipients.get(i), errors);
        }
        SendParameterValidator.throwIfAny("Recipients of the JSON form are not valid", errors);
        for (String variable : variables) {
            boolean anyHasIt = recipients.stream().anyMatch(r -> r != null && r.vars() != null && r.vars().containsKey(variable));
            if (!anyHasIt) {
                throw new InvalidInputException(InputError.field("template",
                        "{{" + variable + "}} is not in the vars of any recipient"));
            }
        }
        return recipients;
    }

    private static void checkText(int row, JsonRecipient recipient, List<InputError> errors) {
        if (recipient == null) {
            return;
        }
        UserText.problem(recipient.phone(), Kind.LINE).ifPresent(p -> errors.add(InputError.row(row, "phone " + p)));
        if (recipient.vars() == null) {
            return;
        }
        for (Map.Entry<String, String> var : recipient.vars().entrySet()) {
            UserText.problem(var.getKey(), Kind.LINE).ifPresent(p -> errors.add(InputError.row(row, "a vars name " + p)));
            UserText.problem(var.getValue(), Kind.MULTILINE)
                    .ifPresent(p -> errors.add(InputError.row(row, "vars." + var.getKey() + " " + p)));
        }
    }
}
