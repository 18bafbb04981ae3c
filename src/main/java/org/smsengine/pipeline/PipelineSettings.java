package org.smsengine.pipeline;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The batch job on this node ({@code sms.pipeline}).
 *
 * @param jobDefinition    the job definition ({@code jobs/sms-batch.yml} on the classpath)
 * @param concurrentJobs   batches whose jobs run at the same time on this node; more wait their turn
 * @param partitionThreads threads shared by the workers of partitioned steps on this node
 * @param rowCheckThreads  threads that check uploaded rows in parallel (phone validation is costly); 0 = one per CPU
 * @param screeningWorkMem PostgreSQL work_mem for the screening that finds a batch's duplicates (a number, then
 *                         B, kB, MB, GB or TB; none: kB)
 */
@ConfigurationProperties("sms.pipeline")
@Validated
public record PipelineSettings(
        @NotNull @DefaultValue("classpath:jobs/sms-batch.yml") Resource jobDefinition,
        @Positive @DefaultValue("4") int concurrentJobs,
        @Positive @DefaultValue("4") int partitionThreads,
        @PositiveOrZero @DefaultValue("0") int rowCheckThreads,
        @Pattern(regexp = "[0-9]+ *(B|kB|MB|GB|TB)?") @DefaultValue("128MB") String screeningWorkMem) {
}
