package org.smsengine.lifecycle;

import org.smsengine.batch.BatchRow;

/**
 * A named piece of work a transition of the table asks for, run once the new state has been
 * stored (so a job it starts or stops already sees that state).
 */
public interface LifecycleAction {

    /** The name the table uses. */
    String name();

    void run(BatchRow batch, Transition transition);
}
