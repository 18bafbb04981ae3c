package org.smsengine.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cluster ({@code sms.cluster}); the broker itself is Spring Boot's {@code spring.rabbitmq.*}.
 *
 * @param queuePrefix    the durable queues of partition requests, one per partitioned step: {@code <prefix>.<worker step>}
 * @param pollInterval   how often a manager step reads its partitions' statuses from the job repository
 * @param confirmTimeout how long a partition request may wait for the broker's confirm before its step fails
 * @param claimRecheck   how often a request for a partition another live node holds looks again
 * @param signalsChannel the Redis pub/sub channel of stop signals
 * @param consumerTimeout how long a node may hold a partition request unacknowledged (it acknowledges a request
 *                       when its partition ends), asked of the broker per consumer ({@code x-consumer-timeout},
 *                       RabbitMQ 3.12 and later): RabbitMQ's own default, 30 minutes, is shorter than a big
 *                       batch's partitions, and a request it takes back while its partition runs keeps another
 *                       node's thread waiting on it
 */
@ConfigurationProperties("sms.cluster")
public record ClusterSettings(
        @DefaultValue("sms.partitions") String queuePrefix,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration confirmTimeout,
        @DefaultValue("1s") Duration claimRecheck,
        @DefaultValue("sms:signals") String signalsChannel,
        @DefaultValue("7d") Duration consumerTimeout) {
}
