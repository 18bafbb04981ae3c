package org.smsengine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md's diagram is the one generated from state-machine-config/batch-lifecycle.yml. */
class LifecycleDiagramTest {

    @Test
    void theLifecycleDocShowsTheDiagramOfTheShippedTable() throws IOException {
        String doc = Files.readString(Path.of("docs/lifecycle.md"));
        int start = doc.indexOf("```mermaid\n");
        assertThat(start).as("a mermaid block in docs/lifecycle.md").isNotNegative();
        int end = doc.indexOf("```", start + 11);
        String shown = doc.substring(start + 11, end);
        assertThat(shown).as("docs/lifecycle.md's diagram; regenerate it with LifecycleDiagram.mermaid")
                .isEqualTo(LifecycleDiagram.mermaid(BatchStateMachineTest.shippedTable()));
    }
}
