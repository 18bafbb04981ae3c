package org.smsengine.lifecycle;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smsengine.batch.BatchRow;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.configurers.ExternalTransitionConfigurer;
import org.springframework.statemachine.config.configurers.StateConfigurer;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

/**
 * The one place that knows Spring Statemachine (in maintenance mode, hence kept behind this
 * adapter): builds a machine from the {@link LifecycleTable}, restores it to a batch's stored state,
 * applies one event and tells where the machine went. A machine is built per event; it holds no
 * state between calls, so any node can apply any event to any batch.
 */
public class BatchStateMachine {

    /** The message header that carries the batch to the guards. */
    private static final String BATCH = "batch";

    private final LifecycleTable table;
    private final Map<String, LifecycleGuard> guards;

    public BatchStateMachine(LifecycleTable table, Map<String, LifecycleGuard> guards) {
        this.table = table;
        this.guards = Map.copyOf(guards);
        // once at start-up: Spring Statemachine refuses a table it cannot build now, not at the first event;
        // and the first operator's pause does not pay for loading its classes
        build();
    }

    /** Where the event takes the batch from its state, or empty when the table refuses it there. */
    public Optional<Transition> apply(BatchRow batch, String event) {
        String from = batch.state().name();
        if (table.candidates(from, event).isEmpty()) {
            return Optional.empty();    // no need to build a machine to know that
        }
        StateMachine<String, String> machine = build();
        machine.getStateMachineAccessor().doWithAllRegions(region -> region
                .resetStateMachineReactively(new DefaultStateMachineContext<>(from, null, null, null)).block());
        machine.startReactively().block();
        try {
            StateMachineEventResult<String, String> result = machine
                    .sendEvent(Mono.just(MessageBuilder.withPayload(event).setHeader(BATCH, batch).build()))
                    .blockLast();
            if (result == null || result.getResultType() != StateMachineEventResult.ResultType.ACCEPTED) {
                return Optional.empty();
            }
            String to = machine.getState().getId();
            // the machine knows the target, the table the action: the first candidate that leads there and whose guard held
            return table.candidates(from, event).stream()
                    .filter(t -> t.to().equals(to) && holds(t.guard(), batch))
                    .findFirst();
        } finally {
            machine.stopReactively().block();
        }
    }

    /** Whether the table lets the event move the batch from its state (its guards evaluated), without a machine. */
    public boolean allows(BatchRow batch, String event) {
        return table.candidates(batch.state().name(), event).stream().anyMatch(t -> holds(t.guard(), batch));
    }

    /** What the guards that refuse the event to the batch say of why (empty: nothing, or no guard refused). */
    public List<String> whyNot(BatchRow batch, String event) {
        return table.candidates(batch.state().name(), event).stream()
                .filter(t -> t.guard() != null && !holds(t.guard(), batch))
                .map(t -> guards.get(t.guard()).whyNot(batch))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    private boolean holds(String guard, BatchRow batch) {
        return guard == null || guards.get(guard).test(batch);
    }

    /** The transitions for the same state and event that come before {@code t} in the table. */
    private List<Transition> earlierCandidates(Transition t) {
        List<Transition> candidates = table.candidates(t.from(), t.event());
        return candidates.subList(0, candidates.indexOf(t));
    }

    /**
     * The table's rule, that of several transitions for one state and event the first whose guard
     * holds is taken, made the machine's: Spring Statemachine tries such transitions in an order of
     * its own (it differs from one built machine to the next), so each transition's guard also
     * requires that no earlier candidate's holds. Exactly one can then be taken.
     */
    private boolean firstToHold(Transition t, List<Transition> earlier, BatchRow batch) {
        return holds(t.guard(), batch) && earlier.stream().noneMatch(e -> holds(e.guard(), batch));
    }

    private StateMachine<String, String> build() {
        try {
            StateMachineBuilder.Builder<String, String> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false);
            StateConfigurer<String, String> states = builder.configureStates().withStates()
                    .initial(table.initial())
                    .states(new LinkedHashSet<>(table.states()));
            states.and();
            var transitions = builder.configureTransitions();
            for (Transition t : table.transitions()) {
                ExternalTransitionConfigurer<String, String> external = transitions.withExternal()
                        .source(t.from()).target(t.to()).event(t.event());
                List<Transition> earlier = earlierCandidates(t);
                if (t.guard() != null || !earlier.isEmpty()) {
                    external.guard(context -> firstToHold(t, earlier, (BatchRow) context.getMessageHeader(BATCH)));
                }
            }
            return builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the batch state machine from the lifecycle table", e);
        }
    }
}
