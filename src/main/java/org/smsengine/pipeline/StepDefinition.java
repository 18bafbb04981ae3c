package org.smsengine.pipeline;

import java.time.Duration;

/**
 * One step of {@code jobs/*.yml} and its tuning; see that file for what each setting means.
 * Settings left out take the defaults below.
 */
public record StepDefinition(String name, Integer chunkSize, Integer retryLimit, Integer skipLimit, Integer gridSize,
        Boolean waitForStart, Integer maxAttempts, Duration retryDelay, Duration retryDelayMax) {

    public StepDefinition {
        chunkSize = chunkSize == null ? 1000 : chunkSize;
        retryLimit = retryLimit == null ? 0 : retryLimit;
        skipLimit = skipLimit == null ? 0 : skipLimit;
        gridSize = gridSize == null ? 1 : gridSize;
        waitForStart = waitForStart != null && waitForStart;
        maxAttempts = maxAttempts == null ? 1 : maxAttempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(1) : retryDelay;
        retryDelayMax = retryDelayMax == null ? Duration.ofMinutes(5) : retryDelayMax;
    }

    /** A definition with only a name: every setting at its default. */
    public static StepDefinition named(String name) {
        return new StepDefinition(name, null, null, null, null, null, null, null, null);
    }

    /** The wait before attempt {@code attempt + 1}: {@code retryDelay}, doubling each attempt, at most {@code retryDelayMax}. */
    public Duration backoffAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = retryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(retryDelayMax) > 0 ? retryDelayMax : delay;
    }
}
