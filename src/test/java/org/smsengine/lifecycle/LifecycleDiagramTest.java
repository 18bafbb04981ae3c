package org.smsengine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's lifecycle diagram is the one generated from state-machine-config/batch-lifecycle.yml. */
class LifecycleDiagramTest {

    @Test
    void theReadmeShowsTheDiagramOfTheShippedTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```mermaid\n");
        assertThat(start).as("a mermaid block in README.md").isNotNegative();
        int end = readme.indexOf("```", start + 11);
        String shown = readme.substring(start + 11, end);
        assertThat(shown).as("README.md's diagram; regenerate it with LifecycleDiagram.mermaid")
                .isEqualTo(LifecycleDiagram.mermaid(BatchStateMachineTest.shippedTable()));
    }
}
