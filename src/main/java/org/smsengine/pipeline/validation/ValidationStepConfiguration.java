package org.smsengine.pipeline.validation;

import java.util.concurrent.ExecutorService;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchRow;
import org.smsengine.pipeline.JobDefinition;
import org.smsengine.pipeline.PipelineSettings;
import org.smsengine.pipeline.PipelineStep;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.recipient.CountryRule;
import org.smsengine.recipient.RecipientMapper;
import org.smsengine.recipient.RecipientStore;
import org.smsengine.recipient.RejectStore;
import org.smsengine.template.MessageLimits;
import org.smsengine.template.MessageTemplate;
import org.smsengine.upload.RecordSources;
import org.smsengine.upload.UploadSettings;
import org.smsengine.upload.UploadStore;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The validation step: a flow of the row-by-row chunk step ({@code validation-rows}) and the
 * set-wise screening that ends it ({@code validation-screening}). Each restarts where it stopped.
 */
@Configuration(proxyBeanMethods = false)
class ValidationStepConfiguration {

    static final String STEP = "validation";
    private static final String BATCH_ID = "#{jobParameters['batchId']}";

    @Bean
    @StepScope
    CheckedRowReader checkedRowReader(@Value(BATCH_ID) long batchId, BatchMapper batches, UploadStore uploads,
            RecordSources sources, UploadSettings settings, MessageLimits limits,
            @Qualifier("rowCheckPool") ExecutorService rowCheckPool) {
        BatchRow batch = batches.find(batchId).orElseThrow();
        // the rule fixed on the batch when it was created (its own, or the engine's then)
        CountryRule countries = CountryRule.fromStored(batch.countries());
        RowValidator validator = new RowValidator(batch.region(), MessageTemplate.parse(batch.template()),
                settings.maxFieldLength(), limits, countries);
        return new CheckedRowReader(batch, uploads, sources, validator, rowCheckPool);
    }

    @Bean
    @StepScope
    ValidationWriter validationWriter(@Value(BATCH_ID) long batchId, JobDefinition jobDefinition,
            RecipientStore recipients, RejectStore rejects, BatchMapper batches, ProgressPublisher progress) {
        return new ValidationWriter(batchId, jobDefinition.step(STEP).skipLimit(), recipients, rejects, batches, progress);
    }

    @Bean
    PipelineStep validationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CheckedRowReader checkedRowReader, ValidationWriter validationWriter, RecipientMapper recipients,
            BatchMapper batches, ProgressPublisher progress, PipelineSettings settings) {
        return new PipelineStep(STEP, definition -> {
            int blocksPerChunk = Math.max(1, definition.chunkSize() / RowBlock.SIZE);
            Step rows = new StepBuilder(STEP + "-rows", jobRepository)
                    .<RowBlock, RowBlock>chunk(blocksPerChunk, transactionManager)
                    .reader(checkedRowReader)
                    .writer(validationWriter)
                    .faultTolerant()
                    .retry(TransientDataAccessException.class)
                    .retryLimit(Math.max(1, definition.retryLimit()))
                    .build();
            RecipientScreening screening = new RecipientScreening(recipients, batches, progress,
                    settings.screeningWorkMem());
            Step screen = new StepBuilder(STEP + "-screening", jobRepository)
                    .tasklet(screening, transactionManager)
                    .build();
            Flow flow = new FlowBuilder<Flow>(STEP + "-flow").start(rows).next(screen).build();
            return new StepBuilder(STEP, jobRepository).flow(flow).build();
        });
    }
}
