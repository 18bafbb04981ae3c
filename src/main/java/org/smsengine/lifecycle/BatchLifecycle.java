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
import org.smsengine.system.ForbiddenException;
import org.smsengine.system.LogText;
import org.springframework.context.ApplicationEventPublisher;
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
    /** Times an event is judged again after losing the race for the batch row to another change. */
    private static final int MAX_RACES = 5;

    private final LifecycleTable table;
    private final BatchStateMachine machine;
    private final Map<String, LifecycleAction> actions;
    private final BatchMapper batches;
    private final BatchEventMapper audit;
    private final ApplicationEventPublisher events;
    private final ProgressPublisher progress;
    private final TransactionTemplate transaction;

    BatchLifecycle(LifecycleTable table, BatchStateMachine machine, Map<String, LifecycleAction> actions,
            BatchMapper batches, BatchEventMapper audit, ProgressPublisher progress, TransactionTemplate transaction,
            ApplicationEventPublisher events) {
        this.table = table;
        this.machine = machine;
        this.actions = Map.copyOf(actions);
        this.batches = batches;
        this.audit = audit;
        this.events = events;
        this.progress = progress;
        this.transaction = transaction;
    }

    /**
     * An operator's action: the batch in its new state, or a {@link ConflictException} naming state and
     * allowed actions. A review action (approve, reject) by the batch's own creator is refused with a
     * {@link ForbiddenException} whatever the state: four eyes, not two.
     */
    public BatchRow act(long batchId, String action, String actor, String reason) {
        if (!table.actions().contains(action)) {
            throw new UnknownActionException(action, table.actions());
        }
        if (table.reviewActions().contains(action)) {
            BatchRow batch = batches.find(batchId).orElseThrow(() -> new BatchNotFoundException(batchId));
            if (actor.equals(batch.createdBy())) {
                throw new ForbiddenException("Batch " + batchId + " was created by " + actor + ": '" + action
                        + "' needs another user (review before launch is four eyes)");
            }
        }
        return fire(batchId, action, actor, reason, null).orElseThrow(() -> refused(batchId, action));
    }

    /**
     * One of the pipeline's own events. Refused (empty) when the batch has moved on meanwhile, for
     * instance paused or aborted by an operator while its job was finishing a step: the operator's
     * event came first and stands.
     */
    public Optional<BatchRow> notify(long batchId, String event, String reason, String error) {
        return notify(batchId, event, ENGINE, reason, error);
    }

    /** As {@link #notify(long, String, String, String)}, on behalf of {@code actor} (an edit that moves the state). */
    public Optional<BatchRow> notify(long batchId, String event, String actor, String reason, String error) {
        Optional<BatchRow> moved = fire(batchId, event, actor, reason, error);
        if (moved.isEmpty()) {
            log.info("Batch {}: '{}' does not apply in its state now; left as it is", batchId, event);
        }
        return moved;
    }

    /** The operators' actions, in the table's order. */
    public List<String> actions() {
        return table.actions();
    }

    /** Whether {@code action} is one the batch's creator may not send (approve, reject). */
    public boolean isReview(String action) {
        return table.reviewActions().contains(action);
    }

    @Override
    public List<String> of(BatchRow batch) {
        return table.actions().stream().filter(action -> machine.allows(batch, action)).toList();
    }

    /**
     * Applies the event to the batch as stored. When another change wins the race for the row's
     * version: if it was an operator's action, the two conflicted and this one is refused (of two
     * operators pressing buttons at once, exactly one wins); if it was the engine's own progress,
     * the event is judged again against the state it left (an abort that met "preparation
     * started" still aborts).
     */
    private Optional<BatchRow> fire(long batchId, String event, String actor, String reason, String error) {
        for (int attempt = 1; attempt <= MAX_RACES; attempt++) {
            BatchRow batch = batches.find(batchId).orElseThrow(() -> new BatchNotFoundException(batchId));
            Optional<Transition> transition = machine.apply(batch, event);
            if (transition.isEmpty()) {
                return Optional.empty();
            }
            Optional<BatchRow> moved = store(batch, transition.get(), event, actor, reason, error);
            if (moved.isPresent()) {
                return moved;
            }
            BatchEvent winner = audit.last(batchId);
            if (winner == null || !table.pipelineEvents().contains(winner.event())) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<BatchRow> store(BatchRow batch, Transition t, String event, String actor, String reason,
            String error) {
        BatchRow moved = transaction.execute(status -> {
            BatchRow row = batches.transition(batch.id(), batch.version(), BatchState.valueOf(t.to()), reason, error);
            if (row != null) {
                audit.insert(batch.id(), event, t.from(), t.to(), actor, reason);
            }
            return row;
        });
        if (moved == null) {
            return Optional.empty();    // another change came first
        }
        log.info("Batch {}: {} -> {} on '{}' by {}{}", batch.id(), t.from(), t.to(), event, LogText.escape(actor),
                reason == null ? "" : " (" + LogText.escape(reason) + ")");
        progress.publish(moved);
        if (t.action() != null) {
            actions.get(t.action()).run(moved, t);
        }
        events.publishEvent(new BatchStateChanged(moved, event, t.from(), t.to()));
        return Optional.of(moved);
    }

    private ConflictException refused(long batchId, String action) {
        BatchRow now = batches.find(batchId).orElseThrow(() -> new BatchNotFoundException(batchId));
        List<String> why = machine.whyNot(now, action);
        return new ConflictException("Batch " + batchId + " is " + now.state() + ": '" + action + "' is not allowed now"
                + (why.isEmpty() ? "" : ": " + String.join("; ", why)), now.state().name(), of(now));
    }

    /**
     * Records in the batch's audit something done to it that changes no state (a test-send): the
     * trail shows it among the lifecycle's events, in the state the batch was in.
     */
    public void record(long batchId, String what, String actor, String detail) {
        BatchRow batch = batches.find(batchId).orElseThrow(() -> new BatchNotFoundException(batchId));
        audit.insert(batchId, what, batch.state().name(), batch.state().name(), actor, detail);
    }

    public List<BatchEvent> events(long batchId) {
        batches.find(batchId).orElseThrow(() -> new BatchNotFoundException(batchId));
        return audit.list(batchId);
    }
}
