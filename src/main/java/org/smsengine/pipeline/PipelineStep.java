package org.smsengine.pipeline;

import java.util.function.Function;
import org.springframework.batch.core.Step;

/** A step the job definition may name, and how to build it from its tuning. */
public record PipelineStep(String name, Function<StepDefinition, Step> builder) {
}
