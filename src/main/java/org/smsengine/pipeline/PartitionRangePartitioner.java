package org.smsengine.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;

/**
 * One worker per partition the partition step recorded (the grid size was applied there), for every
 * partitioned step. Workers read {@code #{stepExecutionContext['partitionNo']}} and the row range.
 */
public class PartitionRangePartitioner implements Partitioner {

    public static final String PARTITION_NO = "partitionNo";
    public static final String FIRST_ROW = "firstRow";
    public static final String LAST_ROW = "lastRow";

    private final long batchId;
    private final PartitionMapper partitions;

    public PartitionRangePartitioner(long batchId, PartitionMapper partitions) {
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
