package org.smsengine.pipeline.validation;

import java.util.Map;
import org.smsengine.batch.BatchMapper;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.UploadSettings;
import org.smsengine.batch.UploadStore;
import org.smsengine.pipeline.PipelineStep;
import org.smsengine.progress.ProgressPublisher;
import org.smsengine.recipient.RecipientMapper;
import org.smsengine.recipient.RecordSources;
import org.smsengine.recipient.RejectStore;
import org.smsengine.recipient.SourceRecord;
import org.smsengine.template.MessageTemplate;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.LimitCheckingItemSkipPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class ValidationStepConfiguration {

    static final String STEP = "validation";

    private static final String BATCH_ID = "#{jobParameters['batchId']}";

    @Bean
    @StepScope
    UploadRecordReader uploadRecordReader(@Value(BATCH_ID) long batchId, BatchMapper batches, UploadStore uploads,
            RecordSources sources) {
        return new UploadRecordReader(batches.find(batchId).orElseThrow(), uploads, sources);
    }

    @Bean
    @StepScope
    RowValidator rowValidator(@Value(BATCH_ID) long batchId, BatchMapper batches, UploadSettings settings) {
        BatchRow batch = batches.find(batchId).orElseThrow();
        return new RowValidator(batch.region(), MessageTemplate.parse(batch.template()).variables(),
                settings.maxFieldLength());
    }

    @Bean
    @StepScope
    ValidationWriter validationWriter(@Value(BATCH_ID) long batchId, UploadRecordReader uploadRecordReader,
            RecipientMapper recipients, RejectStore rejects, BatchMapper batches, ProgressPublisher progress) {
        return new ValidationWriter(batchId, uploadRecordReader, recipients, rejects, batches, progress);
    }

    @Bean
    @StepScope
    SkippedRowRecorder skippedRowRecorder(@Value(BATCH_ID) long batchId, RejectStore rejects, BatchMapper batches,
            ProgressPublisher progress) {
        return new SkippedRowRecorder(batchId, rejects, batches, progress);
    }

    @Bean
    PipelineStep validationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            UploadRecordReader uploadRecordReader, RowValidator rowValidator, ValidationWriter validationWriter,
            SkippedRowRecorder skippedRowRecorder) {
        return new PipelineStep(STEP, definition -> new StepBuilder(STEP, jobRepository)
                .<SourceRecord, ValidatedRow>chunk(definition.chunkSize(), transactionManager)
                .reader(uploadRecordReader)
                .processor(rowValidator)
                .writer(validationWriter)
                .faultTolerant()
                .retry(TransientDataAccessException.class)
                .retryLimit(Math.max(1, definition.retryLimit()))
                .skipPolicy(new LimitCheckingItemSkipPolicy(definition.skipLimit(), Map.of(RowProcessingException.class, true)))
                .listener(skippedRowRecorder)
                .build());
    }
}
