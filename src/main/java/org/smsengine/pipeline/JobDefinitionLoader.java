package org.smsengine.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.Resource;

/**
 * Reads a job definition and refuses, with a message naming the file and the fault, anything the
 * engine could not run: an unknown step or setting, a step named twice, a number out of range.
 */
public final class JobDefinitionLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule().addDeserializer(Duration.class, new JsonDeserializer<>() {
                @Override
                public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                    return DurationStyle.detectAndParse(parser.getValueAsString());  // 500ms, 2s, 5m, PT2S
                }
            }));

    private JobDefinitionLoader() {
    }

    public static JobDefinition load(Resource resource, Collection<String> knownSteps) {
        JobDefinition definition;
        try (InputStream in = resource.getInputStream()) {
            definition = YAML.readValue(in, JobDefinition.class);
        } catch (IOException e) {
            throw new InvalidJobDefinitionException(resource, e.getMessage());
        }
        check(resource, definition, knownSteps);
        return definition;
    }

    private static void check(Resource resource, JobDefinition definition, Collection<String> knownSteps) {
        if (definition.job() == null || definition.job().isBlank()) {
            throw new InvalidJobDefinitionException(resource, "'job' (the job's name) is missing");
        }
        if (definition.steps() == null || definition.steps().isEmpty()) {
            throw new InvalidJobDefinitionException(resource, "the job has no steps");
        }
        if (definition.steps().get(0).waitForStart()) {
            throw new InvalidJobDefinitionException(resource, "the first step cannot wait for start");
        }
        Set<String> seen = new HashSet<>();
        for (StepDefinition step : definition.steps()) {
            if (!knownSteps.contains(step.name())) {
                throw new InvalidJobDefinitionException(resource, "unknown step '" + step.name() + "'; known steps are "
                        + new TreeSet<>(knownSteps));
            }
            if (!seen.add(step.name())) {
                throw new InvalidJobDefinitionException(resource, "step '" + step.name() + "' appears twice");
            }
            if (step.chunkSize() < 1 || step.gridSize() < 1 || step.maxAttempts() < 1 || step.retryLimit() < 0
                    || step.skipLimit() < 0 || step.retryDelay().isNegative() || step.retryDelayMax().isNegative()) {
                throw new InvalidJobDefinitionException(resource, "step '" + step.name()
                        + "': chunkSize, gridSize and maxAttempts must be at least 1; the other numbers at least 0");
            }
        }
    }

    /** The definition cannot be run; the engine does not start. */
    public static class InvalidJobDefinitionException extends RuntimeException {
        InvalidJobDefinitionException(Resource resource, String problem) {
            super("Job definition " + resource.getDescription() + ": " + problem);
        }
    }
}
