package org.smsengine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.smsengine.support.EngineIntegrationTest;
import org.smsengine.support.TestServices;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.test.context.TestConstructor;

/**
 * The manager's watch over its partition requests (spring-batch #4006's residual), against the tests' job
 * repository and a real broker ({@code SMS_TEST_AMQP_URL}, or Qpid in this JVM): a request the broker lost
 * (its queue purged, or deleted) is sent again after two looks; one still waiting in its queue, one a node
 * has claimed (alive or not: a dead node's request comes back from the broker) and one whose step runs are
 * left alone; ended partitions are forgotten.
 */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class RequestWatchIT extends EngineIntegrationTest {

    private final JobRepository jobRepository;
    private final ClaimMapper claims;

    RequestWatchIT(JobRepository jobRepository, ClaimMapper claims) {
        this.jobRepository = jobRepository;
        this.claims = claims;
    }

    @Test
    void aRequestTheBrokerLostIsSentAgainAndNoOtherIs() throws Exception {
        CachingConnectionFactory connections = new CachingConnectionFactory(URI.create(TestServices.amqpUrl()));
        RabbitAdmin admin = new RabbitAdmin(connections);
        String queue = "sms.partitions." + RUN_PREFIX.replace(":", "") + ".watch-worker";
        List<PartitionRequest> resent = new CopyOnWriteArrayList<>();
        RequestWatch watch = new RequestWatch(claims, admin, (to, request) -> {
            assertThat(to).isEqualTo(queue);
            resent.add(request);
        });
        JobExecution job = jobRepository.createJobExecution("request-watch-" + RUN_PREFIX,
                new JobParametersBuilder().addLong("batchId", -1L).toJobParameters());
        StepExecution lost = step(job, 0, BatchStatus.STARTING);
        StepExecution claimedByTheDead = step(job, 1, BatchStatus.STARTING);
        StepExecution running = step(job, 2, BatchStatus.STARTED);
        claims.claim(claimedByTheDead.getId(), job.getId(), claimedByTheDead.getStepName(), -1L, 1, "a-node-long-gone");
        try {
            admin.declareQueue(QueueBuilder.durable(queue).build());
            for (StepExecution step : List.of(lost, claimedByTheDead, running)) {
                watch.sent(queue, request(step));
            }

            // a request waits in the queue: it may be the lost one's, so nothing is sent again
            new RabbitTemplate(connections).send("", queue, new Message("{}".getBytes(StandardCharsets.UTF_8),
                    new MessageProperties()));
            awaitWaiting(admin, queue, 1);
            assertThat(watch.look()).isZero();
            assertThat(watch.look()).isZero();

            // the queue emptied (purged: the broker lost what it held): one look could have caught a request on its
            // way to a node; the second sends the lost one again, and only it
            admin.purgeQueue(queue, false);
            assertThat(watch.look()).isZero();
            assertThat(resent).isEmpty();
            assertThat(watch.look()).isEqualTo(1);
            assertThat(resent).containsExactly(request(lost));

            // it starts counting again: two more looks before it is sent once more
            assertThat(watch.look()).isZero();
            assertThat(watch.look()).isEqualTo(1);

            // taken by a node at last: no longer lost
            claims.claim(lost.getId(), job.getId(), lost.getStepName(), -1L, 0, "a-live-node");
            resent.clear();
            assertThat(watch.look() + watch.look()).isZero();
            claims.release(lost.getId(), "a-live-node");

            // the queue deleted: nothing waits in it, the request is lost
            admin.deleteQueue(queue);
            assertThat(watch.look()).isZero();
            assertThat(watch.look()).isEqualTo(1);
            assertThat(resent).containsExactly(request(lost));

            // partitions whose manager stopped waiting are forgotten
            watch.ended(List.of(lost.getId(), claimedByTheDead.getId(), running.getId()));
            assertThat(watch.outstanding()).isZero();
            resent.clear();
            assertThat(watch.look() + watch.look()).isZero();
            assertThat(resent).isEmpty();
        } finally {
            claims.release(claimedByTheDead.getId(), "a-node-long-gone");
            for (StepExecution step : List.of(lost, claimedByTheDead, running)) {
                step.setStatus(BatchStatus.FAILED);
                step.setEndTime(java.time.LocalDateTime.now());
                jobRepository.update(step);
            }
            job.setStatus(BatchStatus.FAILED);
            job.setEndTime(java.time.LocalDateTime.now());
            jobRepository.update(job);
            admin.deleteQueue(queue);
            connections.destroy();
        }
    }

    /** A partition of the job in the given status, as the manager's split and a worker would leave it. */
    private StepExecution step(JobExecution job, int partition, BatchStatus status) {
        StepExecution step = job.createStepExecution("watch-worker:partition" + partition);
        jobRepository.add(step);
        if (status != BatchStatus.STARTING) {
            step.setStatus(status);
            jobRepository.update(step);
        }
        return step;
    }

    private static PartitionRequest request(StepExecution step) {
        return new PartitionRequest("watch-worker", step.getJobExecutionId(), step.getId());
    }

    private static void awaitWaiting(RabbitAdmin admin, String queue, int messages) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            var info = admin.getQueueInfo(queue);
            if (info != null && info.getMessageCount() >= messages) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the queue " + queue + " never held " + messages + " message(s)");
    }
}
