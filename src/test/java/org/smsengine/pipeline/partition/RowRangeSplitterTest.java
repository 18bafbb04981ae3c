package org.smsengine.pipeline.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsengine.pipeline.PartitionRange;
import org.smsengine.recipient.RowRange;

class RowRangeSplitterTest {

    @Test
    void splitsRowsIntoContiguousRangesCoveringEveryRow() {
        List<PartitionRange> ranges = RowRangeSplitter.split(new RowRange(2, 201), 4);
        assertThat(ranges).containsExactly(new PartitionRange(0, 2, 51), new PartitionRange(1, 52, 101),
                new PartitionRange(2, 102, 151), new PartitionRange(3, 152, 201));
    }

    @Test
    void neverMakesMorePartitionsThanRows() {
        assertThat(RowRangeSplitter.split(new RowRange(5, 6), 4)).containsExactly(new PartitionRange(0, 5, 5),
                new PartitionRange(1, 6, 6));
        assertThat(RowRangeSplitter.split(new RowRange(7, 7), 4)).containsExactly(new PartitionRange(0, 7, 7));
    }

    @Test
    void unevenSpansDifferByAtMostOneRow() {
        List<PartitionRange> ranges = RowRangeSplitter.split(new RowRange(1, 10), 3);
        assertThat(ranges).extracting(r -> r.lastRow() - r.firstRow() + 1).containsExactly(3, 3, 4);
    }
}
