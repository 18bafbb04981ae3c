package org.smsengine.pipeline.partition;

import org.smsengine.pipeline.PartitionMapper;
import org.smsengine.pipeline.PipelineStep;
import org.smsengine.recipient.RecipientMapper;
import org.smsengine.recipient.RowRange;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class PartitionStepConfiguration {

    static final String STEP = "partition";

    /** Replaces the batch's partitions in one transaction, so a restart of the step starts clean. */
    @Bean
    PipelineStep partitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RecipientMapper recipients, PartitionMapper partitions) {
        return new PipelineStep(STEP, definition -> new StepBuilder(STEP, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    long batchId = chunkContext.getStepContext().getStepExecution().getJobParameters().getLong("batchId");
                    partitions.deleteAll(batchId);
                    RowRange rows = recipients.rowRange(batchId);
                    if (rows != null) {
                        RowRangeSplitter.split(rows, definition.gridSize()).forEach(p -> partitions.insert(batchId, p));
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build());
    }
}
