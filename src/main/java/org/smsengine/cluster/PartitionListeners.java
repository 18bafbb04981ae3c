package org.smsengine.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.batch.core.step.NoSuchStepException;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;

/**
 * The worker side of remote partitioning: every node consumes every worker step's queue, as many requests at a time
 * as it has slots for that step, and hands each to {@link PartitionWorker} on the step's pool. A request is
 * acknowledged when its partition has ended, and goes back to the broker when this node cannot finish it. The manager
 * side is {@link PartitionRequests}.
 */
class PartitionListeners implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PartitionListeners.class);

    /** How long a stopping node waits for the partitions it runs to stop and be handed back. */
    private static final Duration HAND_BACK_PATIENCE = Duration.ofSeconds(5);

    private final ConnectionFactory connections;
    private final AmqpAdmin admin;
    private final PartitionWorker worker;
    private final ClusterSettings settings;
    private final ObjectMapper json;
    private final Map<String, SimpleMessageListenerContainer> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean running;

    PartitionListeners(ConnectionFactory connections, AmqpAdmin admin, PartitionWorker worker, ClusterSettings settings,
            ObjectMapper json) {
        this.connections = connections;
        this.admin = admin;
        this.worker = worker;
        this.settings = settings;
        this.json = json;
    }

    /**
     * Consumes the worker step's queue on this node from now on (once per step, however often asked). Under the same
     * lock as {@link #start()}, so a listener made while the node starts is started by one or the other.
     */
    synchronized void consume(String workerStep, TaskExecutor pool, int slots) {
        listeners.computeIfAbsent(workerStep, name -> listener(PartitionRequest.queue(settings, name), pool, slots));
    }

    /**
     * One consumer per node and step, with as many requests unacknowledged as the node has slots:
     * the broker deals the requests out to the nodes in turn (a consumer per slot would hand a
     * batch's partitions to the first node's consumers, one after the other). Each runs on the
     * step's pool and is acknowledged when its step has ended.
     */
    private SimpleMessageListenerContainer listener(String queue, TaskExecutor pool, int slots) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(queue);
        container.setConcurrentConsumers(1);
        container.setPrefetchCount(Math.max(1, slots));
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        // a request is acknowledged when its partition ends, hours later for a big batch: RabbitMQ's 30-minute default
        // would take it back from a running partition (brokers before RabbitMQ 3.12, and Qpid, ignore the argument)
        container.setConsumerArguments(Map.of("x-consumer-timeout", settings.consumerTimeout().toMillis()));
        container.setMissingQueuesFatal(false);
        container.setAmqpAdmin(admin);
        container.setMessageListener((ChannelAwareMessageListener) (message, channel) -> {
            long tag = message.getMessageProperties().getDeliveryTag();
            PartitionRequest request = read(message);
            if (request == null) {
                settle(channel, tag, false, false);
                return;
            }
            active.incrementAndGet();
            pool.execute(() -> {
                try {
                    run(request, channel, tag);
                } finally {
                    active.decrementAndGet();
                }
            });
        });
        if (running) {
            container.start();
        }
        return container;
    }

    private void run(PartitionRequest request, Channel channel, long tag) {
        StepExecutionRequest stepRequest = new StepExecutionRequest(request.stepName(), request.jobExecutionId(),
                request.stepExecutionId());
        try {
            worker.work(stepRequest);
            settle(channel, tag, true, false);
        } catch (ImmediateRequeueAmqpException e) {
            log.info("Partition request {} goes back to the broker: {}", request.stepExecutionId(), e.getMessage());
            settle(channel, tag, false, true);
        } catch (NoSuchStepException e) {
            log.error("Partition request {} names a step this node does not know ({}); dropped", request.stepExecutionId(),
                    e.getMessage());
            settle(channel, tag, false, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            settle(channel, tag, false, true);
        } catch (RuntimeException e) {
            log.error("Partition request {} could not be run here; it goes back to the broker", request.stepExecutionId(), e);
            settle(channel, tag, false, true);
        }
    }

    /** Acknowledges or rejects a request; on a channel closed meanwhile the broker has requeued it already. */
    private static void settle(Channel channel, long tag, boolean done, boolean requeue) {
        try {
            if (done) {
                channel.basicAck(tag, false);
            } else {
                channel.basicReject(tag, requeue);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not settle partition request {} (its channel closed; the broker requeued it): {}", tag,
                    e.getMessage());
        }
    }

    private PartitionRequest read(Message message) {
        try {
            return json.readValue(message.getBody(), PartitionRequest.class);
        } catch (IOException e) {
            log.error("Not a partition request, dropped: {}", new String(message.getBody(), StandardCharsets.UTF_8));
            return null;
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        listeners.forEach((step, container) -> {
            try {
                PartitionRequest.declare(admin, PartitionRequest.queue(settings, step));
            } catch (AmqpException e) {
                log.warn("The broker is not reachable yet ({}); this node takes partitions once it is", e.getMessage());
            }
            container.start();
        });
    }

    /**
     * After this node's own jobs were stopped (recovery's shutdown runs first): the partitions it runs
     * for others stop as the node does and go back to the broker; waits for the listeners to end.
     */
    @Override
    public synchronized void stop() {
        running = false;
        long deadline = System.nanoTime() + HAND_BACK_PATIENCE.toNanos();
        while (active.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        listeners.values().forEach(SimpleMessageListenerContainer::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
