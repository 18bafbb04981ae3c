package org.smsengine.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.recovery.RecoverySettings;
import org.smsengine.recovery.UnfinishedJobs;
import org.smsengine.system.NodeIdentity;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterSettings.class)
class ClusterConfiguration {

    /** With a broker: partitions spread over the nodes. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(BrokerConfigured.class)
    static class Broker {

        @Bean
        WorkerSteps workerSteps() {
            return new WorkerSteps();
        }

        @Bean
        PartitionWorker partitionWorker(WorkerSteps steps, JobExplorer jobExplorer, JobRepository jobRepository,
                ClaimMapper claims, UnfinishedJobs unfinished, StopSignals signals, NodeIdentity node,
                RecoverySettings recovery, ClusterSettings settings, TransactionTemplate transaction) {
            StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
            handler.setJobExplorer(jobExplorer);
            handler.setStepLocator(steps);
            return new PartitionWorker(handler, jobExplorer, jobRepository, claims, unfinished, signals, node, recovery,
                    settings, transaction);
        }

        @Bean
        PartitionListeners partitionListeners(ConnectionFactory connections, AmqpAdmin admin, PartitionWorker worker,
                ClusterSettings settings, ObjectMapper json) {
            return new PartitionListeners(connections, admin, worker, settings, json);
        }

        @Bean
        PartitionRequests partitionRequests(ConnectionFactory connections, AmqpAdmin admin, JobExplorer jobExplorer,
                PartitionListeners listeners, WorkerSteps steps, ClusterSettings settings, ObjectMapper json,
                ClaimMapper claims) {
            return new PartitionRequests(connections, admin, jobExplorer, listeners, steps, settings, json, claims);
        }
    }

    /** The worker steps this node can run for any manager, by name. */
    static final class WorkerSteps implements org.springframework.batch.core.step.StepLocator {

        private final java.util.Map<String, Step> steps = new java.util.concurrent.ConcurrentHashMap<>();

        void add(Step step) {
            steps.put(step.getName(), step);
        }

        @Override
        public java.util.Collection<String> getStepNames() {
            return steps.keySet();
        }

        @Override
        public Step getStep(String name) {
            Step step = steps.get(name);
            if (step == null) {
                throw new org.springframework.batch.core.step.NoSuchStepException("No worker step " + name + " on this node");
            }
            return step;
        }
    }
}
