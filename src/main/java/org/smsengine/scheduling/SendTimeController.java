package org.smsengine.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import org.smsengine.batch.BatchQueries;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.batch.BatchView;
import org.smsengine.batch.SendParameterValidator;
import org.smsengine.lifecycle.BatchLifecycle;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PATCH /api/v1/batches/{id}} with {@code sendAt} and/or {@code sendWindow} (each {@code null}
 * to remove it). A send time changes until the batch starts: a READY batch given one becomes
 * SCHEDULED; a SCHEDULED one is rescheduled, or becomes READY when it is removed. A send window
 * changes until the batch has finished; delivery follows it from its next chunk. So does a {@code budget}
 * (an amount, or {@code null} for none): a batch paused at its budget resumes once it is raised.
 *
 * <p>The whole request is checked first (400 for a bad field, 409 for a part the state no longer
 * allows), then both parts are applied in one transaction, and the lifecycle hears of a new send
 * time once that has committed: a refused request changes nothing.
 */
@RestController
class SendTimeController {

    private final SendTimeChanges changes;
    private final BatchLifecycle lifecycle;
    private final BatchQueries queries;
    private final SendParameterValidator validator;
    private final ObjectMapper json;

    SendTimeController(SendTimeChanges changes, BatchLifecycle lifecycle, BatchQueries queries,
            SendParameterValidator validator, ObjectMapper json) {
        this.changes = changes;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.validator = validator;
        this.json = json;
    }

    @PatchMapping("/api/v1/batches/{id}")
    BatchView change(@PathVariable long id, @RequestBody JsonNode body, Principal principal) {
        SendTimeChange change = SendTimeChange.parse(body, json, validator);
        BatchRow before = queries.require(id);
        change.refusedIn(before).ifPresent(what -> {
            throw changes.conflict(before, what);
        });
        BatchRow after = changes.apply(id, change);
        if (change.setsSendAt()) {
            notifySendTime(after, change, principal.getName());
        }
        return queries.view(id);
    }

    private void notifySendTime(BatchRow batch, SendTimeChange change, String user) {
        String reason = change.sendAt() == null ? "send time removed" : "send time " + change.sendAt();
        if (change.sendAt() != null && (batch.state() == BatchState.READY || batch.state() == BatchState.SCHEDULED)) {
            lifecycle.notify(batch.id(), "send_time_set", user, reason, null);
        } else if (change.sendAt() == null && batch.state() == BatchState.SCHEDULED) {
            lifecycle.notify(batch.id(), "send_time_removed", user, reason, null);
        }
    }
}
