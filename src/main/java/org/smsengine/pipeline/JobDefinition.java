package org.smsengine.pipeline;

import java.util.List;

/** A job as {@code jobs/*.yml} declares it: its name and its steps in order. */
public record JobDefinition(String job, List<StepDefinition> steps) {

    public StepDefinition step(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The job definition has no step '" + name + "'"));
    }
}
