package org.smsengine.pipeline;

/** A job execution of a batch has ended (published after the lifecycle has heard of it). */
public record BatchJobEnded(long batchId) {
}
