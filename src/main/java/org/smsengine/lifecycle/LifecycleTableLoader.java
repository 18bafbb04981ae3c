package org.smsengine.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads {@code batch-lifecycle.yml} into a {@link LifecycleTable} and refuses, with a message that
 * names the culprit, a table the engine could not run: an unknown key, state, event, guard or action,
 * or a state no transition reaches from the initial one.
 */
public final class LifecycleTableLoader {

    private static final Set<String> TOP_KEYS = Set.of("initial", "final", "states", "events", "transitions");
    private static final Set<String> EVENT_KEYS = Set.of("actions", "pipeline", "review");
    private static final Set<String> TRANSITION_KEYS = Set.of("from", "event", "to", "guard", "action");

    private LifecycleTableLoader() {
    }

    /**
     * @param source       what to call the file in messages
     * @param knownGuards  the guards the engine implements
     * @param knownActions the actions the engine implements
     */
    public static LifecycleTable load(InputStream yaml, String source, Set<String> knownGuards, Set<String> knownActions)
            throws IOException {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        try {
            return build(asMap(document, "the file"), knownGuards, knownActions);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The batch lifecycle " + source + " is not valid: " + e.getMessage(), e);
        }
    }

    private static LifecycleTable build(Map<String, Object> root, Set<String> knownGuards, Set<String> knownActions) {
        unknownKeys(root, TOP_KEYS, "the file");
        List<String> states = strings(root.get("states"), "states");
        Set<String> stateSet = unique(states, "states");
        String initial = string(root.get("initial"), "initial");
        requireState(stateSet, initial, "initial");
        Set<String> finals = new LinkedHashSet<>(strings(root.get("final"), "final"));
        finals.forEach(state -> requireState(stateSet, state, "final"));

        Map<String, Object> events = asMap(root.get("events"), "events");
        unknownKeys(events, EVENT_KEYS, "events");
        List<String> actions = strings(events.get("actions"), "events.actions");
        List<String> pipeline = strings(events.get("pipeline"), "events.pipeline");
        List<String> allEvents = new ArrayList<>(actions);
        allEvents.addAll(pipeline);
        Set<String> eventSet = unique(allEvents, "events");
        List<String> review = events.get("review") == null ? List.of() : strings(events.get("review"), "events.review");
        for (String action : review) {
            if (!actions.contains(action)) {
                throw new IllegalArgumentException("events.review names '" + action + "', which is not one of the actions "
                        + actions);
            }
        }

        List<Transition> transitions = new ArrayList<>();
        Object rawTransitions = root.get("transitions");
        if (!(rawTransitions instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("'transitions' must be a non-empty list");
        }
        for (int i = 0; i < list.size(); i++) {
            String where = "transition " + (i + 1);
            Map<String, Object> row = asMap(list.get(i), where);
            unknownKeys(row, TRANSITION_KEYS, where);
            String event = string(row.get("event"), where + ".event");
            if (!eventSet.contains(event)) {
                throw new IllegalArgumentException(where + " names the unknown event '" + event + "'; events are " + eventSet);
            }
            String to = string(row.get("to"), where + ".to");
            requireState(stateSet, to, where + ".to");
            String guard = optionalString(row.get("guard"), where + ".guard");
            if (guard != null && !knownGuards.contains(guard)) {
                throw new IllegalArgumentException(where + " names the unknown guard '" + guard + "'; guards are " + knownGuards);
            }
            String action = optionalString(row.get("action"), where + ".action");
            if (action != null && !knownActions.contains(action)) {
                throw new IllegalArgumentException(where + " names the unknown action '" + action + "'; actions are " + knownActions);
            }
            Object from = row.get("from");
            List<String> sources = from instanceof String single ? List.of(single) : strings(from, where + ".from");
            for (String source : sources) {
                requireState(stateSet, source, where + ".from");
                transitions.add(new Transition(source, event, to, guard, action));
            }
        }
        LifecycleTable table = new LifecycleTable(states, initial, finals, actions, pipeline, review, transitions);
        requireAllReachable(table);
        return table;
    }

    private static void requireAllReachable(LifecycleTable table) {
        Set<String> reached = new HashSet<>(Set.of(table.initial()));
        Deque<String> todo = new ArrayDeque<>(reached);
        while (!todo.isEmpty()) {
            String state = todo.pop();
            table.transitions().stream().filter(t -> t.from().equals(state)).map(Transition::to)
                    .filter(reached::add).forEach(todo::push);
        }
        List<String> unreachable = table.states().stream().filter(state -> !reached.contains(state)).toList();
        if (!unreachable.isEmpty()) {
            throw new IllegalArgumentException("no transition reaches " + unreachable + " from " + table.initial());
        }
    }

    private static void requireState(Set<String> states, String state, String where) {
        if (!states.contains(state)) {
            throw new IllegalArgumentException(where + " names the unknown state '" + state + "'; states are " + states);
        }
    }

    private static Set<String> unique(Collection<String> values, String what) {
        Set<String> set = new LinkedHashSet<>();
        for (String value : values) {
            if (!set.add(value)) {
                throw new IllegalArgumentException("'" + value + "' appears twice in " + what);
            }
        }
        return set;
    }

    private static void unknownKeys(Map<String, Object> map, Set<String> known, String where) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(where + " has the unknown key '" + key + "'; known keys are " + known);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    throw new IllegalArgumentException(where + " has a key that is not a name: " + key);
                }
            }
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + " must be a mapping");
    }

    private static List<String> strings(Object value, String where) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("'" + where + "' must be a non-empty list of names");
        }
        List<String> names = new ArrayList<>();
        for (Object item : list) {
            names.add(string(item, where));
        }
        return names;
    }

    private static String string(Object value, String where) {
        if (value instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        throw new IllegalArgumentException("'" + where + "' must be a name, not " + value);
    }

    private static String optionalString(Object value, String where) {
        return value == null ? null : string(value, where);
    }
}
