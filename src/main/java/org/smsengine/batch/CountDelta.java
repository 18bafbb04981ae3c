package org.smsengine.batch;

/**
 * What one chunk adds to a batch's counters. {@code validatedBytes} is a position, not an
 * increment: how far into the upload validation has read.
 */
public record CountDelta(long rows, long valid, long invalid, long duplicates, long optedOut, long prepared,
        long segments, long validatedBytes) {

    public static CountDelta prepared(long messages, long segments) {
        return new CountDelta(0, 0, 0, 0, 0, messages, segments, 0);
    }
}
