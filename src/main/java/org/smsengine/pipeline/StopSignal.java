package org.smsengine.pipeline;

/**
 * This node was asked to stop a batch's job ({@code stop}: a pause, an abort, a shutdown's handover)
 * or to let it go on again: the other nodes, which may run some of its partitions, are to know at once.
 */
public record StopSignal(long batchId, boolean stop) {
}
