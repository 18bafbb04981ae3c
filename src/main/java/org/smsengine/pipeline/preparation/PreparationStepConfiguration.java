package org.smsengine.pipeline.preparation;

import java.util.List;
import org.smsengine.batch.BatchMapper;
import org.smsengine.message.MessageStore;
import org.smsengine.message.PreparedMessage;
import org.smsengine.pipeline.JobDefinition;
import org.smsengine.pipeline.PartitionMapper;
import org.smsengine.pipeline.PartitionRangePartitioner;
import org.smsengine.pipeline.Partitions;
import org.smsengine.pipeline.PipelineSettings;
import org.smsengine.pipeline.PipelineStep;
import org.smsengine.pipeline.StopSignals;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.recipient.RecipientMapper;
import org.smsengine.recipient.RecipientRow;
import org.smsengine.template.MessageTemplate;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class PreparationStepConfiguration {

    static final String STEP = "preparation";
    private static final String BATCH_ID = "#{jobParameters['batchId']}";
    private static final String PARTITION = "#{stepExecutionContext['" + PartitionRangePartitioner.PARTITION_NO + "']}";
    private static final String FIRST_ROW = "#{stepExecutionContext['" + PartitionRangePartitioner.FIRST_ROW + "']}";
    private static final String LAST_ROW = "#{stepExecutionContext['" + PartitionRangePartitioner.LAST_ROW + "']}";

    @Bean
    @StepScope
    PartitionRangePartitioner preparationPartitioner(@Value(BATCH_ID) long batchId, PartitionMapper partitions) {
        return new PartitionRangePartitioner(batchId, partitions);
    }

    @Bean
    @StepScope
    RecipientRangeReader recipientRangeReader(@Value(BATCH_ID) long batchId, @Value(FIRST_ROW) int firstRow,
            @Value(LAST_ROW) int lastRow, RecipientMapper recipients, JobDefinition jobDefinition, StopSignals signals,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        int pageSize = jobDefinition.step(STEP).chunkSize();
        return new RecipientRangeReader(batchId, firstRow, lastRow, pageSize, recipients, signals, stepExecution);
    }

    @Bean
    @StepScope
    MessageRenderer messageRenderer(@Value(BATCH_ID) long batchId, BatchMapper batches) {
        return new MessageRenderer(MessageTemplate.parse(batches.find(batchId).orElseThrow().template()));
    }

    @Bean
    @StepScope
    PreparedMessageWriter preparedMessageWriter(@Value(BATCH_ID) long batchId, @Value(PARTITION) int partitionNo,
            MessageStore messages, BatchMapper batches, ProgressPublisher progress) {
        return new PreparedMessageWriter(batchId, partitionNo, messages, batches, progress);
    }

    @Bean
    PipelineStep preparationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            TaskExecutor partitionExecutor, PartitionRangePartitioner preparationPartitioner,
            RecipientRangeReader recipientRangeReader, MessageRenderer messageRenderer,
            PreparedMessageWriter preparedMessageWriter, Partitions partitions, PipelineSettings settings) {
        return new PipelineStep(STEP, definition -> {
            // one page of chunkSize recipients per transaction
            Step worker = new StepBuilder(STEP + "-worker", jobRepository)
                    .<List<RecipientRow>, List<PreparedMessage>>chunk(1, transactionManager)
                    .reader(recipientRangeReader)
                    .processor(messageRenderer)
                    .writer(preparedMessageWriter)
                    .faultTolerant()
                    .retry(TransientDataAccessException.class)
                    .retryLimit(Math.max(1, definition.retryLimit()))
                    .build();
            return new StepBuilder(STEP, jobRepository)
                    .partitioner(worker.getName(), preparationPartitioner)
                    .partitionHandler(partitions.handler(worker, definition.gridSize(), partitionExecutor,
                            settings.partitionThreads()))
                    .build();
        });
    }
}
