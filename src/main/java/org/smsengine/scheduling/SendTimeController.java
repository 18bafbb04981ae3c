package org.smsengine.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import org.smsengine.batch.AllowedActions;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchNotFoundException;
import org.smsengine.batch.BatchQueries;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.batch.BatchView;
import org.smsengine.batch.SendWindow;
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.system.ConflictException;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PATCH /api/v1/batches/{id}} with {@code sendAt} and/or {@code sendWindow} (each {@code null}
 * to remove it). A send time changes until the batch starts: a READY batch given one becomes
 * SCHEDULED; a SCHEDULED one is rescheduled, or becomes READY when it is removed. A send window
 * changes until the batch has finished; delivery follows it from its next chunk.
 */
@RestController
class SendTimeController {

    private final BatchMapper batches;
    private final BatchLifecycle lifecycle;
    private final BatchQueries queries;
    private final AllowedActions allowedActions;
    private final Clock clock;
    private final ObjectMapper json;

    SendTimeController(BatchMapper batches, BatchLifecycle lifecycle, BatchQueries queries,
            AllowedActions allowedActions, Clock clock, ObjectMapper json) {
        this.json = json;
        this.batches = batches;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.allowedActions = allowedActions;
        this.clock = clock;
    }

    @PatchMapping("/api/v1/batches/{id}")
    BatchView change(@PathVariable long id, @RequestBody JsonNode body, Principal principal) throws JsonProcessingException {
        checkFields(body);
        if (body.has("sendWindow")) {
            changeSendWindow(id, body.get("sendWindow"));
        }
        if (body.has("sendAt")) {
            changeSendTime(id, sendAtOf(body.get("sendAt")), principal);
        }
        return queries.view(id);
    }

    private void changeSendWindow(long id, JsonNode value) throws JsonProcessingException {
        String window = null;
        if (!value.isNull()) {
            SendWindow.Request request;
            try {
                request = json.treeToValue(value, SendWindow.Request.class);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException(InputError.field("sendWindow",
                        "sendWindow is {\"from\": \"09:00\", \"to\": \"21:00\", \"days\": [\"MON\", ...], \"timezone\": \"Asia/Shanghai\" or \"recipient\"}"));
            }
            window = json.writeValueAsString(SendWindow.of(request, "UTC"));
        }
        if (batches.setSendWindow(id, window) == null) {
            BatchRow now = batches.find(id).orElseThrow(() -> new BatchNotFoundException(id));
            throw new ConflictException("Batch " + id + " is " + now.state() + ": its send window can no longer change",
                    now.state().name(), allowedActions.of(now));
        }
    }

    private void changeSendTime(long id, OffsetDateTime sendAt, Principal principal) {
        BatchRow batch = batches.setSendAt(id, sendAt);
        if (batch == null) {
            BatchRow now = batches.find(id).orElseThrow(() -> new BatchNotFoundException(id));
            throw new ConflictException("Batch " + id + " is " + now.state() + ": its send time can no longer change",
                    now.state().name(), allowedActions.of(now));
        }
        String reason = sendAt == null ? "send time removed" : "send time " + sendAt;
        if (batch.state() == BatchState.READY && sendAt != null
                || batch.state() == BatchState.SCHEDULED && sendAt != null) {
            lifecycle.notify(id, "send_time_set", principal.getName(), reason, null);
        } else if (batch.state() == BatchState.SCHEDULED) {
            lifecycle.notify(id, "send_time_removed", principal.getName(), reason, null);
        }
    }

    private static void checkFields(JsonNode body) {
        if (body == null || !body.isObject() || !(body.has("sendAt") || body.has("sendWindow"))) {
            throw new InvalidInputException(InputError.field("sendAt",
                    "The body must set sendAt (ISO-8601 with offset, or null) and/or sendWindow (an object, or null)"));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("sendAt") && !name.equals("sendWindow")) {
                throw new InvalidInputException(InputError.field(name, "Only sendAt and sendWindow can be changed; '" + name + "' cannot"));
            }
        }
    }

    private OffsetDateTime sendAtOf(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        try {
            OffsetDateTime sendAt = OffsetDateTime.parse(value.asText());
            if (!sendAt.isAfter(OffsetDateTime.now(clock))) {
                throw new InvalidInputException(InputError.field("sendAt", "sendAt " + sendAt + " is in the past"));
            }
            return sendAt;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(InputError.field("sendAt",
                    "sendAt '" + value.asText() + "' is not an ISO-8601 date-time with an offset, e.g. 2026-12-01T09:00:00+08:00"));
        }
    }
}
