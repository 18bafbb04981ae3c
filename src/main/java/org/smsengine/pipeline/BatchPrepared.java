package org.smsengine.pipeline;

/**
 * Every message of the batch is prepared, and the lifecycle is about to hear it: listeners that add what
 * a prepared batch shows (its forecast) run first, so the batch is never READY without it.
 */
public record BatchPrepared(long batchId) {
}
