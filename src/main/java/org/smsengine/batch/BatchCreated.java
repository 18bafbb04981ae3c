package org.smsengine.batch;

/**
 * A batch and its upload are written: published in the creating transaction, so a listener may add to
 * the batch in it (its review); one that starts work on it (the pipeline) listens after the commit.
 */
public record BatchCreated(long batchId) {
}
