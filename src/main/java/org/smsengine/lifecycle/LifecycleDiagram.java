package org.smsengine.lifecycle;

import java.util.stream.Collectors;

/**
 * The lifecycle as a Mermaid state diagram, generated from the table (docs/lifecycle.md shows it; a
 * test keeps that copy equal to what the table says).
 */
public final class LifecycleDiagram {

    private LifecycleDiagram() {
    }

    public static String mermaid(LifecycleTable table) {
        StringBuilder diagram = new StringBuilder("stateDiagram-v2\n");
        diagram.append("    [*] --> ").append(table.initial()).append('\n');
        for (Transition t : table.transitions()) {
            diagram.append("    ").append(t.from()).append(" --> ").append(t.to()).append(": ").append(t.event());
            if (t.guard() != null) {
                diagram.append(" [").append(t.guard()).append(']');
            }
            diagram.append('\n');
        }
        diagram.append(table.states().stream().filter(table.finalStates()::contains)
                .map(state -> "    " + state + " --> [*]\n").collect(Collectors.joining()));
        return diagram.toString();
    }
}
