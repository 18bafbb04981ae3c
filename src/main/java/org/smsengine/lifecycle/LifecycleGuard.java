package org.smsengine.lifecycle;

import org.smsengine.batch.BatchRow;

/** A named condition on a batch that a transition of the table may require. */
public interface LifecycleGuard {

    /** The name the table uses. */
    String name();

    boolean test(BatchRow batch);

    /** Why it does not hold for the batch, for the operator whose action it refuses; null: nothing to add. */
    default String whyNot(BatchRow batch) {
        return null;
    }
}
