package org.smsengine.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.pipeline.RemotePartitions;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.core.step.NoSuchStepException;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.core.task.TaskExecutor;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;

/**
 * Spring Batch's remote partitioning over the broker. The manager step (on the node that runs the
 * batch's job) sends one request per partition to the step's durable queue, each confirmed by the
 * broker before the next, and learns that the partitions ended by polling the job repository (never
 * from replies: an aggregator's state is lost with its node and crosses between concurrent jobs).
 * Every node consumes every step's queue, as many requests at a time as it has slots for that step
 * ({@link PartitionWorker} runs each). A request the broker loses is sent again ({@link RequestWatch}).
 */
class BrokerPartitions implements RemotePartitions, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BrokerPartitions.class);

    /** A partition request as it travels: Spring Batch's request, without Java serialization. */
    record Request(String stepName, long jobExecutionId, long stepExecutionId) {
    }

    private final ConnectionFactory connections;
    private final RabbitTemplate rabbit;
    private final AmqpAdmin admin;
    private final JobExplorer jobExplorer;
    private final PartitionWorker worker;
    private final ClusterConfiguration.WorkerSteps steps;
    private final ClusterSettings settings;
    private final ObjectMapper json;
    /** How long a stopping node waits for the partitions it runs to stop and be handed back. */
    private static final Duration HAND_BACK_PATIENCE = Duration.ofSeconds(5);

    private final RequestWatch watch;
    private final Map<String, SimpleMessageListenerContainer> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean running;

    BrokerPartitions(ConnectionFactory connections, AmqpAdmin admin, JobExplorer jobExplorer, PartitionWorker worker,
            ClusterConfiguration.WorkerSteps steps, ClusterSettings settings, ObjectMapper json, ClaimMapper claims) {
        this.connections = connections;
        this.rabbit = new RabbitTemplate(connections);
        this.admin = admin;
        this.jobExplorer = jobExplorer;
        this.worker = worker;
        this.steps = steps;
        this.settings = settings;
        this.json = json;
        this.watch = new RequestWatch(claims, admin, this::send);
    }

    @Override
    public synchronized PartitionHandler handler(Step step, int gridSize, TaskExecutor pool, int slots) {
        String queue = queue(step.getName());
        steps.add(step);
        listeners.computeIfAbsent(step.getName(), name -> listener(queue, pool, slots));
        DirectChannel requests = new DirectChannel();
        requests.subscribe(message -> publish(queue, (StepExecutionRequest) message.getPayload()));
        MessageChannelPartitionHandler handler = new RepositoryPolling(watch);
        handler.setStepName(step.getName());
        handler.setGridSize(gridSize);
        handler.setJobExplorer(jobExplorer);
        handler.setPollInterval(settings.pollInterval().toMillis());
        handler.setMessagingOperations(new MessagingTemplate(requests));
        try {
            handler.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set up remote partitioning of " + step.getName(), e);
        }
        return handler;
    }

    /**
     * Spring Batch's handler, polling the job repository, whose ended partitions are also copied onto
     * the manager's own copies: the job execution it holds (which its listeners read, to tell a
     * finished preparation from a stop) would otherwise show them STARTING, as they were sent. While it
     * waits, the {@link RequestWatch} looks after the requests it sent.
     */
    static final class RepositoryPolling extends MessageChannelPartitionHandler {

        private final RequestWatch watch;

        RepositoryPolling(RequestWatch watch) {
            this.watch = watch;
        }

        @Override
        protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
            Set<StepExecution> ended;
            try {
                ended = super.doHandle(manager, partitions);
            } finally {
                watch.ended(partitions.stream().map(StepExecution::getId).toList());
            }
            Map<Long, StepExecution> byId = new HashMap<>();
            ended.forEach(execution -> byId.put(execution.getId(), execution));
            for (StepExecution sent : partitions) {
                StepExecution stored = byId.get(sent.getId());
                if (stored != null) {
                    sent.setStatus(stored.getStatus());
                    sent.setExitStatus(stored.getExitStatus());
                    sent.setStartTime(stored.getStartTime());
                    sent.setEndTime(stored.getEndTime());
                    sent.setLastUpdated(stored.getLastUpdated());
                    sent.setVersion(stored.getVersion());
                }
            }
            return ended;
        }
    }

    String queue(String workerStep) {
        return settings.queuePrefix() + "." + workerStep;
    }

    private void publish(String queue, StepExecutionRequest request) {
        Request sent = new Request(request.getStepName(), request.getJobExecutionId(), request.getStepExecutionId());
        send(queue, sent);
        watch.sent(queue, sent);
    }

    /** Persistent, and confirmed by the broker before the manager goes on: a request is never lost on its way. */
    private void send(String queue, Request request) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        byte[] body;
        try {
            body = json.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Message message = new Message(body, properties);
        declare(queue);     // a request to a queue that is not there would be confirmed, and lost
        rabbit.invoke(operations -> {
            operations.send("", queue, message);
            operations.waitForConfirmsOrDie(settings.confirmTimeout().toMillis());
            return null;
        });
        log.debug("Partition request for step execution {} sent to {}", request.stepExecutionId(), queue);
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
            Request request = read(message);
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

    private void run(Request request, Channel channel, long tag) {
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

    private Request read(Message message) {
        try {
            return json.readValue(message.getBody(), Request.class);
        } catch (IOException e) {
            log.error("Not a partition request, dropped: {}", new String(message.getBody(), StandardCharsets.UTF_8));
            return null;
        }
    }

    private void declare(String queue) {
        admin.declareQueue(QueueBuilder.durable(queue).build());
    }

    /**
     * Sends again the requests of this node's manager steps that the broker lost (see {@link RequestWatch}), every
     * {@code sms.cluster.request-watch} (30 s).
     */
    @Scheduled(initialDelayString = "${sms.cluster.request-watch:30s}", fixedDelayString = "${sms.cluster.request-watch:30s}")
    void watchRequests() {
        if (!running || watch.outstanding() == 0) {
            return;
        }
        try {
            watch.look();
        } catch (RuntimeException e) {
            log.warn("Could not look after this node's partition requests ({}); looking again later", e.getMessage());
        }
    }

    /** Whether the broker connection is up, for the nodes' view. */
    boolean connected() {
        try {
            return rabbit.execute(channel -> channel.isOpen());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        listeners.forEach((step, container) -> {
            try {
                declare(queue(step));
            } catch (org.springframework.amqp.AmqpException e) {
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
