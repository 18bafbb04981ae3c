package org.smsengine.cluster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cluster ({@code sms.cluster}); the broker itself is Spring Boot's {@code spring.rabbitmq.*}.
 *
 * @param queuePrefix     the durable queues of partition requests, one per partitioned step:
 *                        {@code <prefix>.<worker step>}
 * @param pollInterval    how often a manager step reads its partitions' statuses from the job repository
 * @param confirmTimeout  how long a partition request may wait for the broker's confirm before its step fails
 * @param claimRecheck    how often a request for a partition another live node holds looks again
 * @param signalsChannel  the Redis pub/sub channel of stop signals: pause, abort and shutdown reach every node's
 *                        partitions at once
 * @param consumerTimeout how long a node may hold a partition request unacknowledged (it acknowledges a request
 *                        when its partition ends), asked of the broker per consumer ({@code x-consumer-timeout},
 *                        RabbitMQ 3.12 and later): RabbitMQ's own default, 30 minutes, is shorter than a big
 *                        batch's partitions, and a request it takes back while its partition runs keeps another
 *                        node's thread waiting on it
 * @param requestWatch    how often a manager looks for partition requests of its running steps that the broker
 *                        lost (a queue purged or deleted), and sends them again
 * @param subscribeRetry  how often a node whose Redis did not answer at start-up tries again to listen for the
 *                        other nodes' stop signals
 */
@ConfigurationProperties("sms.cluster")
@Validated
public record ClusterSettings(
        @NotBlank @DefaultValue("sms.partitions") String queuePrefix,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration pollInterval,
        @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration confirmTimeout,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration claimRecheck,
        @NotBlank @DefaultValue("sms:signals") String signalsChannel,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("7d") Duration consumerTimeout,
        @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration requestWatch,
        @NotNull @DurationMin(millis = 1) @DefaultValue("2s") Duration subscribeRetry) {
}
