package org.smsengine.pipeline;

import org.springframework.batch.core.Step;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.core.task.TaskExecutor;

/**
 * Runs a partitioned step's workers on any node of the cluster (the cluster package, when a broker is
 * configured): one request per partition, taken by whichever node has a free slot.
 */
public interface RemotePartitions {

    /**
     * The manager's handler for the worker step; registers the worker so that this node runs the
     * partitions any node publishes for it on {@code pool}, {@code slots} at a time.
     */
    PartitionHandler handler(Step worker, int gridSize, TaskExecutor pool, int slots);
}
