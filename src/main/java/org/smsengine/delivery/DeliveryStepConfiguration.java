package org.smsengine.delivery;

import org.smsengine.delivery.ratelimit.RateLimits;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchRow;
import org.smsengine.pipeline.JobDefinition;
import org.smsengine.pipeline.PartitionMapper;
import org.smsengine.pipeline.PartitionRangePartitioner;
import org.smsengine.pipeline.Partitions;
import org.smsengine.pipeline.PipelineStep;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.provider.Providers;
import org.smsengine.routing.Router;
import org.smsengine.system.Outages;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The delivery step (partitioned: one worker per partition, each claiming, submitting and recording
 * a page per chunk), the statistics step that ends a batch, and the receipt inbox.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryStepConfiguration {

    static final String DELIVERY = "delivery";
    static final String STATISTICS = "statistics";
    private static final String BATCH_ID = "#{jobParameters['batchId']}";
    private static final String PARTITION = "#{stepExecutionContext['" + PartitionRangePartitioner.PARTITION_NO + "']}";

    @Bean
    @StepScope
    PartitionRangePartitioner deliveryPartitioner(@Value(BATCH_ID) long batchId, PartitionMapper partitions) {
        return new PartitionRangePartitioner(batchId, partitions);
    }

    @Bean
    @StepScope
    MessageClaimer messageClaimer(@Value(BATCH_ID) long batchId, @Value(PARTITION) int partitionNo,
            JobDefinition jobDefinition, BatchMapper batches, Providers providers, PartitionMapper partitions,
            DeliveryMapper deliveries, PlatformTransactionManager transactionManager, Clock clock,
            DeliverySettings settings, StopSignals signals, @Value("#{stepExecution}") StepExecution stepExecution,
            SendWindows windows, ConsentGate consent, Outages outages) {
        BatchRow batch = batches.find(batchId).orElseThrow();
        int rate = providers.all().stream().mapToInt(provider -> providers.tps(provider.name())).sum();
        if (batch.tps() != null) {
            rate = Math.min(rate, batch.tps());
        }
        int pageSize = pageSize(jobDefinition.step(DELIVERY).chunkSize(), rate, partitions.findAll(batchId).size(),
                settings);
        MessageClaimer.Consent terms = new MessageClaimer.Consent(batch.senderId(), !batch.transactional(),
                batch.validUntil() == null ? null : batch.validUntil().toInstant());
        return new MessageClaimer(batchId, partitionNo, pageSize, deliveries, transactionManager, clock,
                settings.retryPoll(), signals, stepExecution, windows, consent, terms, outages);
    }

    /**
     * Messages per chunk: what one partition sends in {@code chunkTime} at the batch's rate (its own, or all
     * providers' together: routing spreads a page over them), at most the step's chunkSize.
     */
    static int pageSize(int chunkSize, int rate, int partitions, DeliverySettings settings) {
        long perPartition = rate * settings.chunkTime().toMillis() / 1000 / Math.max(1, partitions);
        return (int) Math.max(1, Math.min(chunkSize, perPartition));
    }

    @Bean
    @StepScope
    MessageSubmitter messageSubmitter(@Value(BATCH_ID) long batchId, @Value(PARTITION) int partitionNo,
            JobDefinition jobDefinition, BatchMapper batches, Providers providers, Router router, RateLimits limits,
            OutcomeRecorder recorder, StopSignals signals, PartitionMapper partitions, Clock clock, ConsentGate consent,
            MeterRegistry meters) {
        BatchRow batch = batches.find(batchId).orElseThrow();
        // a page is spread over the providers: the partition's share is of what all of them may have in flight
        int inFlight = providers.all().stream().mapToInt(provider -> providers.inFlight(provider.name())).sum();
        MessageSubmitter.Route route = new MessageSubmitter.Route(batchId, partitionNo, providers, router,
                Math.max(1, inFlight / Math.max(1, partitions.findAll(batchId).size())),
                batch.senderId(), batch.tag(), batch.tps(), batch.validUntil() == null ? null : batch.validUntil().toInstant());
        return new MessageSubmitter(route, jobDefinition.step(DELIVERY), limits, recorder, signals, clock,
                consent, meters);
    }

    @Bean
    PipelineStep deliveryStep(JobRepository jobRepository, TaskExecutor deliveryPartitionExecutor,
            PartitionRangePartitioner deliveryPartitioner, MessageClaimer messageClaimer, MessageSubmitter messageSubmitter, Partitions partitions,
            DeliverySettings settings) {
        return new PipelineStep(DELIVERY, definition -> {
            // one claimed page per chunk; claims and outcomes commit in transactions of their own, so the chunk holds
            // no connection of its own for the page's length (the rate limit's waits, the providers' answers): with
            // one, a node running many partitions (a broker hands it any batch's) emptied its pool, and each of its
            // own transactions then waited for a connection another partition held
            Step worker = new StepBuilder(DELIVERY + "-worker", jobRepository)
                    .<ClaimedPage, ClaimedPage>chunk(1, new ResourcelessTransactionManager())
                    .reader(messageClaimer)
                    .writer(messageSubmitter)
                    .build();
            return new StepBuilder(DELIVERY, jobRepository)
                    .partitioner(worker.getName(), deliveryPartitioner)
                    .partitionHandler(partitions.handler(worker, definition.gridSize(), deliveryPartitionExecutor,
                            settings.partitionThreads()))
                    .build();
        });
    }

    /**
     * Delivery partitions mostly wait (for the rate limit, responses, retries, windows): a pool of their
     * own. At shutdown the node stops its deliveries itself before anything else stops (a pause of
     * each, recovery's NodeShutdown); the pool holds no stop phase of its own, and what still runs when
     * it is destroyed was given up.
     */
    @Bean
    TaskExecutor deliveryPartitionExecutor(DeliverySettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("delivery-");
        executor.setCorePoolSize(settings.partitionThreads());
        executor.setMaxPoolSize(settings.partitionThreads());
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAcceptTasksAfterContextClose(true);
        return executor;
    }

    @Bean
    PipelineStep statisticsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            BatchRecount recount, RateLimits limits) {
        return new PipelineStep(STATISTICS, definition -> new StepBuilder(STATISTICS, jobRepository)
                .tasklet(new DeliveryStatistics(recount, limits), transactionManager)
                .build());
    }

    @Bean
    ReceiptApplier receiptApplier(DeliveryMapper deliveries, BatchMapper batches, ProgressPublisher progress,
            MeterRegistry meters) {
        return new ReceiptApplier(deliveries, batches, progress, meters);
    }

    /** Where the providers hand their receipts. */
    @Bean
    ReceiptInbox receiptInbox(ReceiptApplier receiptApplier, ReceiptQuarantine quarantine, Clock clock,
            DeliverySettings settings) {
        return new ReceiptInbox(receiptApplier, quarantine, clock, settings.receiptInterval(), settings.receiptPatience(),
                settings.receiptCapacity());
    }

    @Bean
    ReceiptQuarantine receiptQuarantine(QuarantineMapper quarantine, MeterRegistry meters) {
        return new ReceiptQuarantine(quarantine, meters);
    }
}
