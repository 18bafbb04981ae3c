package org.smsengine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchRowBuilder;
import org.smsengine.batch.BatchState;

/**
 * The lifecycle as shipped ({@code state-machine-config/batch-lifecycle.yml}), through the Spring
 * Statemachine adapter: every state against every event, in two worlds of guards.
 */
class BatchStateMachineTest {

    static final Set<String> GUARDS = Set.of("hasSendAt", "noSendAt", "readyToSend", "withinBudget", "failedInPreparation",
            "failedInDelivery", "hasRetryableFailures", "reviewRequired");
    static final Set<String> ACTIONS = Set.of("stopJob", "continueJob", "abortJob", "resendFailures");

    /** A batch with no send time, a provider, within its budget, failed in preparation, with retryable failures. */
    private static final Set<String> WORLD_A = Set.of("noSendAt", "readyToSend", "withinBudget", "failedInPreparation",
            "hasRetryableFailures");
    /** The other side of every guard, under review. */
    private static final Set<String> WORLD_B = Set.of("hasSendAt", "failedInDelivery", "reviewRequired");

    private static final Map<String, String> EXPECTED_A = Map.ofEntries(
            Map.entry("CREATED preparation_started", "PREPARING"),
            Map.entry("CREATED step_failed", "FAILED"),
            Map.entry("CREATED abort", "ABORTED"),
            Map.entry("CREATED node_stopping", "CREATED"),
            Map.entry("CREATED taken_over", "CREATED"),
            Map.entry("CREATED interrupted", "PREPARATION_PAUSED"),
            Map.entry("PREPARING prepared", "READY"),
            Map.entry("PREPARING pause", "PREPARATION_PAUSED"),
            Map.entry("PREPARING step_failed", "FAILED"),
            Map.entry("PREPARING node_lost", "PREPARATION_PAUSED"),
            Map.entry("PREPARING abort", "ABORTED"),
            Map.entry("PREPARING node_stopping", "PREPARING"),
            Map.entry("PREPARING taken_over", "PREPARING"),
            Map.entry("PREPARING interrupted", "PREPARATION_PAUSED"),
            Map.entry("PREPARATION_PAUSED resume", "PREPARING"),
            Map.entry("PREPARATION_PAUSED abort", "ABORTED"),
            Map.entry("AWAITING_APPROVAL approve", "READY"),
            Map.entry("AWAITING_APPROVAL reject", "ABORTED"),
            Map.entry("AWAITING_APPROVAL abort", "ABORTED"),
            Map.entry("READY start", "DELIVERING"),
            Map.entry("READY abort", "ABORTED"),
            Map.entry("READY send_time_set", "SCHEDULED"),
            Map.entry("SCHEDULED send_time_set", "SCHEDULED"),
            Map.entry("SCHEDULED send_time_removed", "READY"),
            Map.entry("SCHEDULED start", "DELIVERING"),
            Map.entry("SCHEDULED abort", "ABORTED"),
            Map.entry("DELIVERING pause", "DELIVERY_PAUSED"),
            Map.entry("DELIVERING delivered", "COMPLETED"),
            Map.entry("DELIVERING step_failed", "FAILED"),
            Map.entry("DELIVERING node_lost", "DELIVERY_PAUSED"),
            Map.entry("DELIVERING abort", "ABORTED"),
            Map.entry("DELIVERING node_stopping", "DELIVERING"),
            Map.entry("DELIVERING taken_over", "DELIVERING"),
            Map.entry("DELIVERING interrupted", "DELIVERY_PAUSED"),
            Map.entry("DELIVERY_PAUSED resume", "DELIVERING"),
            Map.entry("DELIVERY_PAUSED validity_passed", "DELIVERING"),
            Map.entry("DELIVERY_PAUSED abort", "ABORTED"),
            Map.entry("COMPLETED retry", "DELIVERING"),
            Map.entry("FAILED retry", "PREPARING"));

    @Test
    void everyStateAgainstEveryEventInTheFirstWorld() throws IOException {
        assertEveryStateAndEvent(WORLD_A, EXPECTED_A);
    }

    @Test
    void everyStateAgainstEveryEventInTheOtherWorld() throws IOException {
        Map<String, String> expected = new HashMap<>(EXPECTED_A);
        expected.put("PREPARING prepared", "AWAITING_APPROVAL");   // under review, whatever the send time
        expected.put("AWAITING_APPROVAL approve", "SCHEDULED");
        expected.remove("READY start");           // no provider, or over its budget
        expected.remove("SCHEDULED start");
        expected.remove("DELIVERY_PAUSED resume");    // its cost reached its budget
        expected.remove("COMPLETED retry");       // nothing retryable
        expected.put("FAILED retry", "DELIVERING");
        assertEveryStateAndEvent(WORLD_B, expected);
    }

    /**
     * Review and "no send time" both hold for a prepared batch: the table's first wins, every time,
     * though Spring Statemachine on its own tries overlapping transitions in an order that changes
     * from one built machine to the next.
     */
    @Test
    void ofOverlappingGuardsTheFirstInTheTableAlwaysWins() throws IOException {
        BatchStateMachine machine = new BatchStateMachine(shippedTable(), guards(Set.of("reviewRequired", "noSendAt")));
        for (int i = 0; i < 200; i++) {
            assertThat(machine.apply(batch(BatchState.PREPARING), "prepared").map(Transition::to))
                    .as("attempt " + i).contains("AWAITING_APPROVAL");
        }
    }

    @Test
    void allowedActionsComeFromTheTable() throws IOException {
        LifecycleTable table = shippedTable();
        BatchStateMachine machine = new BatchStateMachine(table, guards(WORLD_A));
        Map<BatchState, Set<String>> allowed = new HashMap<>();
        for (BatchState state : BatchState.values()) {
            allowed.put(state, table.actions().stream().filter(a -> machine.allows(batch(state), a)).collect(Collectors.toSet()));
        }
        assertThat(allowed.get(BatchState.DELIVERING)).containsExactlyInAnyOrder("pause", "abort");
        assertThat(allowed.get(BatchState.READY)).containsExactlyInAnyOrder("start", "abort");
        assertThat(allowed.get(BatchState.DELIVERY_PAUSED)).containsExactlyInAnyOrder("resume", "abort");
        assertThat(allowed.get(BatchState.ABORTED)).isEmpty();
        assertThat(allowed.get(BatchState.COMPLETED)).containsExactly("retry");
        assertThat(allowed.get(BatchState.AWAITING_APPROVAL)).containsExactlyInAnyOrder("approve", "reject", "abort");
        assertThat(table.reviewActions()).containsExactly("approve", "reject");
    }

    private static void assertEveryStateAndEvent(Set<String> trueGuards, Map<String, String> expected) throws IOException {
        LifecycleTable table = shippedTable();
        BatchStateMachine machine = new BatchStateMachine(table, guards(trueGuards));
        for (BatchState state : BatchState.values()) {
            for (String event : allEvents(table)) {
                String key = state + " " + event;
                Optional<Transition> taken = machine.apply(batch(state), event);
                assertThat(taken.map(Transition::to)).as(key).isEqualTo(Optional.ofNullable(expected.get(key)));
                assertThat(machine.allows(batch(state), event)).as("allows " + key).isEqualTo(expected.containsKey(key));
            }
        }
    }

    private static java.util.List<String> allEvents(LifecycleTable table) {
        java.util.List<String> events = new java.util.ArrayList<>(table.actions());
        events.addAll(table.pipelineEvents());
        return events;
    }

    static LifecycleTable shippedTable() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("state-machine-config/batch-lifecycle.yml"))) {
            return LifecycleTableLoader.load(in, "batch-lifecycle.yml", GUARDS, ACTIONS);
        }
    }

    private static Map<String, LifecycleGuard> guards(Set<String> trueGuards) {
        return GUARDS.stream().collect(Collectors.toMap(name -> name,
                name -> new NamedGuard(name, batch -> trueGuards.contains(name))));
    }

    static BatchRow batch(BatchState state) {
        return BatchRowBuilder.aBatch().in(state).build();
    }
}
