package org.smsengine.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.batch.SendParameterValidator;
import org.smsengine.batch.SendWindow;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;

/**
 * A {@code PATCH} of a batch's send time and/or send window, parsed and checked whole before any of
 * it is applied: a request that is wrong in one field changes nothing.
 *
 * @param setsSendAt whether the body names {@code sendAt}; {@code sendAt} null then removes it
 * @param setsWindow whether the body names {@code sendWindow}; {@code window} (JSON) null then removes it
 * @param setsBudget whether the body names {@code budget}; {@code budget} null then removes it
 */
record SendTimeChange(boolean setsSendAt, OffsetDateTime sendAt, boolean setsWindow, String window, boolean setsBudget,
        BigDecimal budget) {

    /** Until it starts; the same states as {@code setSendAt} in BatchMapper.xml, which has the last word. */
    private static final Set<BatchState> SEND_TIME_CHANGES = EnumSet.of(BatchState.CREATED, BatchState.PREPARING,
            BatchState.PREPARATION_PAUSED, BatchState.AWAITING_APPROVAL, BatchState.READY, BatchState.SCHEDULED);

    /** The change a body asks for, or a 400 naming every bad field. */
    static SendTimeChange parse(JsonNode body, ObjectMapper json, SendParameterValidator validator) {
        checkFields(body);
        List<InputError> errors = new ArrayList<>();
        OffsetDateTime sendAt = body.has("sendAt") ? sendAt(body.get("sendAt"), validator, errors) : null;
        String window = body.has("sendWindow") ? window(body.get("sendWindow"), json, errors) : null;
        BigDecimal budget = body.has("budget") ? budget(body.get("budget"), validator, errors) : null;
        SendParameterValidator.throwIfAny("The change is not valid", errors);
        return new SendTimeChange(body.has("sendAt"), sendAt, body.has("sendWindow"), window, body.has("budget"), budget);
    }

    /** What of the change the batch's state no longer allows, if anything. */
    Optional<String> refusedIn(BatchRow batch) {
        if (setsWindow && batch.state().isFinal()) {
            return Optional.of("send window");
        }
        if (setsBudget && batch.state().isFinal()) {
            return Optional.of("budget");
        }
        if (setsSendAt && !SEND_TIME_CHANGES.contains(batch.state())) {
            return Optional.of("send time");
        }
        return Optional.empty();
    }

    private static void checkFields(JsonNode body) {
        if (body == null || !body.isObject() || !(body.has("sendAt") || body.has("sendWindow") || body.has("budget"))) {
            throw new InvalidInputException(InputError.field("sendAt", "The body must set sendAt (ISO-8601 with offset, or null),"
                    + " sendWindow (an object, or null) and/or budget (an amount, or null)"));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("sendAt") && !name.equals("sendWindow") && !name.equals("budget")) {
                throw new InvalidInputException(InputError.field(name,
                        "Only sendAt, sendWindow and budget can be changed; '" + name + "' cannot"));
            }
        }
    }

    private static OffsetDateTime sendAt(JsonNode value, SendParameterValidator validator, List<InputError> errors) {
        if (value.isNull()) {
            return null;
        }
        try {
            return validator.sendAt(OffsetDateTime.parse(value.asText()), errors);
        } catch (DateTimeParseException e) {
            errors.add(InputError.field("sendAt",
                    "sendAt is not an ISO-8601 date-time with an offset, e.g. 2026-12-01T09:00:00+08:00"));
            return null;
        }
    }

    private static BigDecimal budget(JsonNode value, SendParameterValidator validator, List<InputError> errors) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            errors.add(InputError.field("budget", "budget is an amount, e.g. 250.00, or null for none"));
            return null;
        }
        return validator.budget(value.decimalValue(), errors);
    }

    private static String window(JsonNode value, ObjectMapper json, List<InputError> errors) {
        if (value.isNull()) {
            return null;
        }
        try {
            return json.writeValueAsString(SendWindow.of(json.treeToValue(value, SendWindow.Request.class), "UTC"));
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        } catch (JsonProcessingException e) {
            errors.add(InputError.field("sendWindow", "sendWindow is {\"from\": \"09:00\", \"to\": \"21:00\", \"days\": [\"MON\", ...],"
                    + " \"timezone\": \"Asia/Shanghai\" or \"recipient\"}"));
        }
        return null;
    }
}
