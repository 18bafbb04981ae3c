package org.smsengine.pipeline;

import org.springframework.batch.core.Step;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Where the workers of a partitioned step run: on this node's pool for the step (no broker, the
 * embedded default), or on every node's through the broker ({@link RemotePartitions}). The job
 * definition says nothing about it; each partitioned step asks here.
 */
@Component
public class Partitions {

    private final RemotePartitions remote;

    Partitions(ObjectProvider<RemotePartitions> remote) {
        this.remote = remote.getIfAvailable();
    }

    /**
     * @param pool  this node's threads for the step's workers; with a broker, their number is how many
     *              of the step's partitions this node runs at once, for any batch
     */
    public PartitionHandler handler(Step worker, int gridSize, TaskExecutor pool, int poolSize) {
        if (remote != null) {
            return remote.handler(worker, gridSize, pool, poolSize);
        }
        TaskExecutorPartitionHandler local = new TaskExecutorPartitionHandler();
        local.setStep(worker);
        local.setGridSize(gridSize);
        local.setTaskExecutor(pool);
        return local;
    }

    public boolean remote() {
        return remote != null;
    }
}
