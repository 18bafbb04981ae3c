package org.smsengine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a stopping node waits for its jobs, out of its whole shutdown timeout. */
class NodeShutdownTest {

    @Test
    void jobsGetTheTimeoutLessTheWebServersPhaseAndASecondForTheRest() {
        assertThat(NodeShutdown.patience(Duration.ofSeconds(10), Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void jobsGetASecondWhenTheTimeoutLeavesThemNothing() {
        assertThat(NodeShutdown.patience(Duration.ofSeconds(3), Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(1));
    }
}
