package org.smsengine.batch;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle states of a batch (DESIGN.md). */
public enum BatchState {
    CREATED,
    PREPARING,
    PREPARATION_PAUSED,
    /** Prepared, waiting for an approver (sms.review.required). */
    AWAITING_APPROVAL,
    READY,
    SCHEDULED,
    DELIVERING,
    DELIVERY_PAUSED,
    COMPLETED,
    FAILED,
    ABORTED;

    private static final Set<BatchState> FINAL = EnumSet.of(COMPLETED, FAILED, ABORTED);
    private static final Set<BatchState> WORKING = EnumSet.of(CREATED, PREPARING, DELIVERING);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** A job is (or is about to be) working on the batch. */
    public boolean isWorking() {
        return WORKING.contains(this);
    }
}
