package org.smsengine.lifecycle;

import java.util.List;
import java.util.Set;

/**
 * The lifecycle as data, read from {@code state-machine-config/batch-lifecycle.yml}: plain Java,
 * testable without Spring.
 *
 * @param actions        the events operators send (REST actions), in the order the API lists them
 * @param pipelineEvents the events the engine sends itself
 * @param reviewActions  the actions of the four-eyes review, which a batch's creator may not send
 * @param transitions    in file order: of several for one state and event, the first whose guard holds wins
 */
public record LifecycleTable(
        List<String> states,
        String initial,
        Set<String> finalStates,
        List<String> actions,
        List<String> pipelineEvents,
        List<String> reviewActions,
        List<Transition> transitions) {

    public LifecycleTable {
        states = List.copyOf(states);
        finalStates = Set.copyOf(finalStates);
        actions = List.copyOf(actions);
        pipelineEvents = List.copyOf(pipelineEvents);
        reviewActions = List.copyOf(reviewActions);
        transitions = List.copyOf(transitions);
    }

    /** The transitions the event may take from the state, in file order. */
    public List<Transition> candidates(String state, String event) {
        return transitions.stream().filter(t -> t.from().equals(state) && t.event().equals(event)).toList();
    }

    public boolean isEvent(String event) {
        return actions.contains(event) || pipelineEvents.contains(event);
    }
}
