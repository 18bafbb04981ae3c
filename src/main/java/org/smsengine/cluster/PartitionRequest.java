package org.smsengine.cluster;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueBuilder;

/**
 * A partition request as it travels over the broker: Spring Batch's request, without Java serialization. Each worker
 * step has a durable queue of its own, which manager and workers alike declare before they use it.
 */
record PartitionRequest(String stepName, long jobExecutionId, long stepExecutionId) {

    static String queue(ClusterSettings settings, String workerStep) {
        return settings.queuePrefix() + "." + workerStep;
    }

    static void declare(AmqpAdmin admin, String queue) {
        admin.declareQueue(QueueBuilder.durable(queue).build());
    }
}
