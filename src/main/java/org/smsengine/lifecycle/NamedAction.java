package org.smsengine.lifecycle;

import java.util.function.BiConsumer;
import org.smsengine.batch.BatchRow;

/** An action from a name and what it does. */
public record NamedAction(String name, BiConsumer<BatchRow, Transition> work) implements LifecycleAction {

    @Override
    public void run(BatchRow batch, Transition transition) {
        work.accept(batch, transition);
    }
}
