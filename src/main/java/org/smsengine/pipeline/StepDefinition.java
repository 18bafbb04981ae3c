package org.smsengine.pipeline;

/** One step of {@code jobs/*.yml} and its tuning; see that file for what each number means. */
public record StepDefinition(String name, Integer chunkSize, Integer retryLimit, Integer skipLimit, Integer gridSize) {

    public StepDefinition {
        chunkSize = chunkSize == null ? 1000 : chunkSize;
        retryLimit = retryLimit == null ? 0 : retryLimit;
        skipLimit = skipLimit == null ? 0 : skipLimit;
        gridSize = gridSize == null ? 1 : gridSize;
    }
}
