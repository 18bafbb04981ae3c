package org.smsengine.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * @param jobDefinition    the job definition ({@code jobs/sms-batch.yml} on the classpath)
 * @param concurrentJobs   batches whose jobs run at the same time on this node; more wait their turn
 * @param partitionThreads threads shared by the workers of partitioned steps on this node
 * @param rowCheckThreads  threads that check uploaded rows in parallel (phone validation is costly); 0 = one per CPU
 * @param screeningWorkMem PostgreSQL work_mem for the screening that finds a batch's duplicates
 */
@ConfigurationProperties("sms.pipeline")
public record PipelineSettings(
        @DefaultValue("classpath:jobs/sms-batch.yml") Resource jobDefinition,
        @DefaultValue("4") int concurrentJobs,
        @DefaultValue("4") int partitionThreads,
        @DefaultValue("0") int rowCheckThreads,
        @DefaultValue("128MB") String screeningWorkMem) {
}
