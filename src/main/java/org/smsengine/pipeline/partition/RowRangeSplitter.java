package org.smsengine.pipeline.partition;

import java.util.ArrayList;
import java.util.List;
import org.smsengine.pipeline.PartitionRange;
import org.smsengine.recipient.RowRange;

/**
 * Splits the row numbers of a batch into at most {@code gridSize} contiguous ranges of equal width.
 * Rejected rows leave gaps, but they are spread through a file, so equal widths give partitions of
 * nearly equal size without counting rows.
 */
final class RowRangeSplitter {

    private RowRangeSplitter() {
    }

    static List<PartitionRange> split(RowRange rows, int gridSize) {
        long span = (long) rows.last() - rows.first() + 1;
        int partitions = (int) Math.min(gridSize, span);
        List<PartitionRange> ranges = new ArrayList<>(partitions);
        long first = rows.first();
        for (int p = 0; p < partitions; p++) {
            long last = rows.first() + span * (p + 1) / partitions - 1;
            ranges.add(new PartitionRange(p, (int) first, (int) last));
            first = last + 1;
        }
        return ranges;
    }
}
