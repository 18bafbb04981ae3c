package org.smsengine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

class JobDefinitionLoaderTest {

    private static final List<String> KNOWN = List.of("validation", "partition", "preparation", "delivery", "statistics");

    @Test
    void loadsTheShippedDefinition() {
        JobDefinition definition = JobDefinitionLoader.load(new ClassPathResource("jobs/sms-batch.yml"), KNOWN);
        assertThat(definition.job()).isEqualTo("smsBatch");
        assertThat(definition.steps()).extracting(StepDefinition::name).containsExactly("validation", "partition",
                "preparation", "delivery", "statistics");
        assertThat(definition.step("delivery").waitForStart()).isTrue();
        assertThat(definition.step("delivery").retryDelay()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(definition.step("partition").gridSize()).isGreaterThan(1);
        assertThat(definition.step("validation").chunkSize()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void refusesAnUnknownStepAndNamesTheKnownOnes() {
        assertThatThrownBy(() -> load("job: j\nsteps:\n  - name: validation\n  - name: teleport\n"))
                .hasMessageContaining("unknown step 'teleport'")
                .hasMessageContaining("[delivery, partition, preparation, statistics, validation]");
    }

    @Test
    void refusesAnUnknownSetting() {
        assertThatThrownBy(() -> load("job: j\nsteps:\n  - name: validation\n    chunkSzie: 10\n"))
                .hasMessageContaining("chunkSzie");
    }

    @Test
    void refusesAStepNamedTwiceAndNumbersOutOfRange() {
        assertThatThrownBy(() -> load("job: j\nsteps:\n  - name: validation\n  - name: validation\n"))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> load("job: j\nsteps:\n  - name: validation\n    chunkSize: 0\n"))
                .hasMessageContaining("at least 1");
    }

    @Test
    void refusesAJobWithoutNameOrSteps() {
        assertThatThrownBy(() -> load("steps:\n  - name: validation\n")).hasMessageContaining("'job'");
        assertThatThrownBy(() -> load("job: j\n")).hasMessageContaining("no steps");
    }

    @Test
    void refusesAFirstStepThatWaitsForStart() {
        assertThatThrownBy(() -> load("job: j\nsteps:\n  - name: delivery\n    waitForStart: true\n"))
                .hasMessageContaining("first step cannot wait");
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        StepDefinition step = load("job: j\nsteps:\n  - name: validation\n  - name: delivery\n    retryDelay: 2s\n"
                + "    retryDelayMax: 10s\n").step("delivery");
        assertThat(step.backoffAfter(1)).hasSeconds(2);
        assertThat(step.backoffAfter(2)).hasSeconds(4);
        assertThat(step.backoffAfter(3)).hasSeconds(8);
        assertThat(step.backoffAfter(4)).hasSeconds(10);
        assertThat(step.backoffAfter(40)).hasSeconds(10);
    }

    @Test
    void fillsInDefaultsForTuningLeftOut() {
        StepDefinition step = load("job: j\nsteps:\n  - name: partition\n").steps().get(0);
        assertThat(step).isEqualTo(StepDefinition.named("partition"));
        assertThat(step.chunkSize()).isEqualTo(1000);
        assertThat(step.maxAttempts()).isEqualTo(1);
    }

    private static JobDefinition load(String yaml) {
        Resource resource = new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test definition");
        return JobDefinitionLoader.load(resource, KNOWN);
    }
}
