package org.smsengine.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.pipeline.RemotePartitions;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.core.task.TaskExecutor;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The manager side of Spring Batch's remote partitioning over the broker. The manager step (on the node that runs the
 * batch's job) sends one request per partition to the step's durable queue, each confirmed by the
 * broker before the next, and learns that the partitions ended by polling the job repository (never
 * from replies: an aggregator's state is lost with its node and crosses between concurrent jobs).
 * A request the broker loses is sent again ({@link RequestWatch}). The worker side, which every node runs, is
 * {@link PartitionListeners}.
 */
class PartitionRequests implements RemotePartitions {

    private static final Logger log = LoggerFactory.getLogger(PartitionRequests.class);

    private final RabbitTemplate rabbit;
    private final AmqpAdmin admin;
    private final JobExplorer jobExplorer;
    private final PartitionListeners listeners;
    private final ClusterConfiguration.WorkerSteps steps;
    private final ClusterSettings settings;
    private final ObjectMapper json;
    private final RequestWatch watch;

    PartitionRequests(ConnectionFactory connections, AmqpAdmin admin, JobExplorer jobExplorer, PartitionListeners listeners,
            ClusterConfiguration.WorkerSteps steps, ClusterSettings settings, ObjectMapper json, ClaimMapper claims) {
        this.rabbit = new RabbitTemplate(connections);
        this.admin = admin;
        this.jobExplorer = jobExplorer;
        this.listeners = listeners;
        this.steps = steps;
        this.settings = settings;
        this.json = json;
        this.watch = new RequestWatch(claims, admin, this::send);
    }

    /** The manager step's handler; this node also becomes one of the step's workers. */
    @Override
    public synchronized PartitionHandler handler(Step step, int gridSize, TaskExecutor pool, int slots) {
        String queue = PartitionRequest.queue(settings, step.getName());
        steps.add(step);
        listeners.consume(step.getName(), pool, slots);
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

    private void publish(String queue, StepExecutionRequest request) {
        PartitionRequest sent = new PartitionRequest(request.getStepName(), request.getJobExecutionId(), request.getStepExecutionId());
        send(queue, sent);
        watch.sent(queue, sent);
    }

    /** Persistent, and confirmed by the broker before the manager goes on: a request is never lost on its way. */
    private void send(String queue, PartitionRequest request) {
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
        PartitionRequest.declare(admin, queue);     // a request to a queue that is not there would be confirmed, and lost
        rabbit.invoke(operations -> {
            operations.send("", queue, message);
            operations.waitForConfirmsOrDie(settings.confirmTimeout().toMillis());
            return null;
        });
        log.debug("Partition request for step execution {} sent to {}", request.stepExecutionId(), queue);
    }

    /**
     * Sends again the requests of this node's manager steps that the broker lost (see {@link RequestWatch}), every
     * {@code sms.cluster.request-watch} (30 s).
     */
    @Scheduled(initialDelayString = "#{@clusterSettings.requestWatch}", fixedDelayString = "#{@clusterSettings.requestWatch}")
    void watchRequests() {
        if (!listeners.isRunning() || watch.outstanding() == 0) {
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
}
