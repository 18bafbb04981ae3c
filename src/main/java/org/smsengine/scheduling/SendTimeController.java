package org.smsengine.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.smsengine.lifecycle.BatchLifecycle;
import org.smsengine.system.ConflictException;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PATCH /api/v1/batches/{id}} with {@code {"sendAt": "..."}} (or {@code null}): changes the
 * send time of a batch that has not started. A READY batch given a send time becomes SCHEDULED; a
 * SCHEDULED one is rescheduled, or becomes READY when its send time is removed.
 */
@RestController
class SendTimeController {

    private final BatchMapper batches;
    private final BatchLifecycle lifecycle;
    private final BatchQueries queries;
    private final AllowedActions allowedActions;
    private final Clock clock;

    SendTimeController(BatchMapper batches, BatchLifecycle lifecycle, BatchQueries queries,
            AllowedActions allowedActions, Clock clock) {
        this.batches = batches;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.allowedActions = allowedActions;
        this.clock = clock;
    }

    @PatchMapping("/api/v1/batches/{id}")
    BatchView changeSendTime(@PathVariable long id, @RequestBody JsonNode body, Principal principal) {
        OffsetDateTime sendAt = sendAtOf(body);
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
        return queries.view(id);
    }

    private OffsetDateTime sendAtOf(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("sendAt")) {
            throw new InvalidInputException(InputError.field("sendAt", "The body must be {\"sendAt\": \"<ISO-8601 with offset>\"} or {\"sendAt\": null}"));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("sendAt")) {
                throw new InvalidInputException(InputError.field(name, "Only sendAt can be changed; '" + name + "' cannot"));
            }
        }
        JsonNode value = body.get("sendAt");
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
