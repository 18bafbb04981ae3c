package org.smsengine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LifecycleTableLoaderTest {

    private static final String HEAD = """
            initial: A
            final: [C]
            states: [A, B, C]
            events:
              actions: [go, stop]
              pipeline: [done]
            """;

    @Test
    void theShippedTableLoadsWithEveryStateReachable() throws IOException {
        LifecycleTable table = BatchStateMachineTest.shippedTable();
        assertThat(table.initial()).isEqualTo("CREATED");
        assertThat(table.finalStates()).containsExactlyInAnyOrder("COMPLETED", "FAILED", "ABORTED");
        assertThat(table.actions()).containsExactly("start", "pause", "resume", "retry", "abort", "approve", "reject");
        assertThat(table.reviewActions()).containsExactly("approve", "reject");
        assertThat(table.candidates("DELIVERING", "abort")).singleElement()
                .satisfies(t -> assertThat(t.action()).isEqualTo("abortJob"));
    }

    @Test
    void aListOfSourcesBecomesOneTransitionEach() throws IOException {
        LifecycleTable table = load(HEAD + """
                transitions:
                  - {from: A, event: go, to: B}
                  - {from: [A, B], event: done, to: C}
                """);
        assertThat(table.transitions()).hasSize(3);
    }

    @Test
    void anUnknownStateIsNamed() {
        assertRefused(HEAD + "transitions:\n  - {from: A, event: go, to: Z}\n  - {from: A, event: done, to: C}\n  - {from: A, event: stop, to: B}\n",
                "unknown state 'Z'");
    }

    @Test
    void anUnknownEventIsNamed() {
        assertRefused(HEAD + "transitions:\n  - {from: A, event: jump, to: B}\n", "unknown event 'jump'");
    }

    @Test
    void anUnknownGuardIsNamed() {
        assertRefused(HEAD + "transitions:\n  - {from: A, event: go, to: B, guard: isMonday}\n", "unknown guard 'isMonday'");
    }

    @Test
    void anUnknownActionIsNamed() {
        assertRefused(HEAD + "transitions:\n  - {from: A, event: go, to: B, action: dance}\n", "unknown action 'dance'");
    }

    @Test
    void anUnreachableStateIsNamed() {
        assertRefused(HEAD + "transitions:\n  - {from: A, event: go, to: B}\n", "no transition reaches [C]");
    }

    @Test
    void anUnknownKeyIsNamed() {
        assertRefused(HEAD + "transitions:\n  - {from: A, event: go, to: B, when: later}\n", "unknown key 'when'");
    }

    @Test
    void aReviewEventThatIsNoActionIsNamed() {
        String head = HEAD.replace("events:\n", "events:\n  review: [done]\n");
        assertThat(head).contains("review: [done]");
        assertRefused(head + "transitions:\n  - {from: A, event: go, to: B}\n  - {from: B, event: done, to: C}\n",
                "events.review names 'done', which is not one of the actions");
    }

    private static void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
    }

    private static LifecycleTable load(String yaml) throws IOException {
        return LifecycleTableLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml",
                BatchStateMachineTest.GUARDS, BatchStateMachineTest.ACTIONS);
    }
}
