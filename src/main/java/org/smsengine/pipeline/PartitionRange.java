package org.smsengine.pipeline;

/** The recipients of one partition: rows {@code firstRow..lastRow} of the batch. */
public record PartitionRange(int partitionNo, int firstRow, int lastRow) {
}
