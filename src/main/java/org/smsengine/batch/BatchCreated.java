package org.smsengine.batch;

/** A batch and its upload are committed; its pipeline may start. */
public record BatchCreated(long batchId) {
}
