package org.smsengine.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.AllowedActions;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchNotFoundException;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.system.ConflictException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one door every state change of a batch goes through, operators' actions and the pipeline's
 * own events alike: the machine is restored from the batch row, the event applied, and the new
 * state stored with an optimistic check of the row's {@code version} together with its audit
 * record. A refused event, or one that lost the race to another, changes nothing. Once the change
 * has committed the transition's action runs.
 */
public class BatchLifecycle implements AllowedActions {

    /** Who the pipeline's own events are recorded as. */
    public static final String ENGINE = "engine";

    private static final Logger log = LoggerFactory.getLogger(BatchLifecycle.class);

    private final LifecycleTable table;
    private final BatchStateMachine machine;
    private final Map<String, LifecycleAction> actions;
    private final BatchMapper batches;
    private final BatchEventMapper events;
    private final ProgressPublisher progress;
    private final TransactionTemplate transaction;

    BatchLifecycle(LifecycleTable table, BatchStateMachine machine, Map<String, LifecycleAction> actions,
            BatchMapper batches, BatchEventMapper events, ProgressPublisher progress, TransactionTemplate transaction) {
        this.table = table;
        this.machine = machine;
        this.actions = Map.copyOf(actions);
        this.batches = batches;
        this.events = events;
        this.progress = progress;
        this.transaction = transaction;
    }

    /** An operator's action: the batch in its new state, or a {@link ConflictException} naming state and allowed actions. */
    public BatchRow act(long batchId, String action, String actor, String reason) {
        if (!table.actions().contains(action)) {
            throw new UnknownActionException(action, table.actions());
        }
        BatchRow batch = batches.find(batchId).orElseThrow(() -> new BatchNotFoundException(batchId));
        return fire(batch, action, actor, reason, null).orElseThrow(() -> refused(batchId, action));
    }

    /**
     * One of the pipeline's own events. Refused (empty) when the batch has moved on meanwhile, for
     * instance paused or aborted by an operator while its job was finishing a step: the operator's
     * event came first and stands.
     */
    public Optional<BatchRow> notify(long batchId, String event, String reason, String error) {
        BatchRow batch = batches.find(batchId).orElseThrow(() -> new BatchNotFoundException(batchId));
        Optional<BatchRow> moved = fire(batch, event, ENGINE, reason, error);
        if (moved.isEmpty()) {
            log.info("Batch {}: '{}' does not apply in state {}; left as it is", batchId, event, batch.state());
        }
        return moved;
    }

    @Override
    public List<String> of(BatchRow batch) {
        return table.actions().stream().filter(action -> machine.allows(batch, action)).toList();
    }

    private Optional<BatchRow> fire(BatchRow batch, String event, String actor, String reason, String error) {
        Optional<Transition> transition = machine.apply(batch, event);
        if (transition.isEmpty()) {
            return Optional.empty();
        }
        Transition t = transition.get();
        BatchRow moved = transaction.execute(status -> {
            BatchRow row = batches.transition(batch.id(), batch.version(), BatchState.valueOf(t.to()), reason, error);
            if (row != null) {
                events.insert(batch.id(), event, t.from(), t.to(), actor, reason);
            }
            return row;
        });
        if (moved == null) {
            return Optional.empty();    // another change came first
        }
        log.info("Batch {}: {} -> {} on '{}' by {}{}", batch.id(), t.from(), t.to(), event, actor,
                reason == null ? "" : " (" + reason + ")");
        progress.publish(moved);
        if (t.action() != null) {
            actions.get(t.action()).run(moved, t);
        }
        return Optional.of(moved);
    }

    private ConflictException refused(long batchId, String action) {
        BatchRow now = batches.find(batchId).orElseThrow(() -> new BatchNotFoundException(batchId));
        return new ConflictException("Batch " + batchId + " is " + now.state() + ": '" + action + "' is not allowed now",
                now.state().name(), of(now));
    }

    public List<BatchEvent> events(long batchId) {
        batches.find(batchId).orElseThrow(() -> new BatchNotFoundException(batchId));
        return events.list(batchId);
    }
}
