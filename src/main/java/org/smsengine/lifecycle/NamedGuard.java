package org.smsengine.lifecycle;

import java.util.function.Predicate;
import org.smsengine.batch.BatchRow;

/** A guard from a name and a predicate. */
public record NamedGuard(String name, Predicate<BatchRow> predicate) implements LifecycleGuard {

    @Override
    public boolean test(BatchRow batch) {
        return predicate.test(batch);
    }
}
