package org.smsengine.scheduling;

import org.smsengine.batch.AllowedActions;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchNotFoundException;
import org.smsengine.batch.BatchRow;
import org.smsengine.system.ConflictException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies a checked {@link SendTimeChange} in one transaction: both of its parts, or (409) neither. */
@Component
class SendTimeChanges {

    private final BatchMapper batches;
    private final AllowedActions allowedActions;

    SendTimeChanges(BatchMapper batches, AllowedActions allowedActions) {
        this.batches = batches;
        this.allowedActions = allowedActions;
    }

    /** The batch as changed; a {@link ConflictException} when its state no longer allows a part (a race lost). */
    @Transactional
    public BatchRow apply(long id, SendTimeChange change) {
        BatchRow row = null;
        if (change.setsWindow() && (row = batches.setSendWindow(id, change.window())) == null) {
            throw conflict(id, "send window");
        }
        if (change.setsSendAt() && (row = batches.setSendAt(id, change.sendAt())) == null) {
            throw conflict(id, "send time");
        }
        if (change.setsBudget() && (row = batches.setBudget(id, change.budget())) == null) {
            throw conflict(id, "budget");
        }
        return row;
    }

    ConflictException conflict(long id, String what) {
        BatchRow now = batches.find(id).orElseThrow(() -> new BatchNotFoundException(id));
        return conflict(now, what);
    }

    ConflictException conflict(BatchRow now, String what) {
        return new ConflictException("Batch " + now.id() + " is " + now.state() + ": its " + what + " can no longer change",
                now.state().name(), allowedActions.of(now));
    }
}
