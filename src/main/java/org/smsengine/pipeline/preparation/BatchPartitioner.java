package org.smsengine.pipeline.preparation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.smsengine.pipeline.PartitionMapper;
import org.smsengine.pipeline.PartitionRange;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;

/** One worker per partition the partition step recorded; the grid size was applied there. */
class BatchPartitioner implements Partitioner {

    static final String PARTITION_NO = "partitionNo";
    static final String FIRST_ROW = "firstRow";
    static final String LAST_ROW = "lastRow";

    private final long batchId;
    private final PartitionMapper partitions;

    BatchPartitioner(long batchId, PartitionMapper partitions) {
        this.batchId = batchId;
        this.partitions = partitions;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (PartitionRange range : partitions.findAll(batchId)) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION_NO, range.partitionNo());
            context.putInt(FIRST_ROW, range.firstRow());
            context.putInt(LAST_ROW, range.lastRow());
            contexts.put("partition" + range.partitionNo(), context);
        }
        return contexts;
    }
}
