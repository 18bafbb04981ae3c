package org.smsengine.pipeline;

import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.smsengine.system.Outages;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.batch.BatchTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Builds the one batch job from the definition in {@code jobs/} and the steps the engine knows. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    JobDefinition jobDefinition(PipelineSettings settings, List<PipelineStep> steps) {
        return JobDefinitionLoader.load(settings.jobDefinition(), steps.stream().map(PipelineStep::name).toList());
    }

    /**
     * The steps in their order. A step that waits for start ends the first run of the job STOPPED
     * (Spring Batch's stop-and-restart): the batch is prepared, and starting it restarts the same job
     * instance from that step. A failed step fails the job.
     */
    @Bean
    Job smsBatchJob(JobDefinition definition, List<PipelineStep> steps, JobRepository jobRepository,
            BatchStateListener stateListener, StepTracker stepTracker, ObjectProvider<ObservationRegistry> observations) {
        ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        FlowBuilder<Flow> flow = null;
        Step previous = null;
        for (StepDefinition stepDefinition : definition.steps()) {
            Step step = build(stepDefinition, steps, stepTracker, registry);
            if (flow == null) {
                flow = new FlowBuilder<Flow>(definition.job() + "-flow").start(step);
            } else if (stepDefinition.waitForStart()) {
                flow = flow.on(ExitStatus.COMPLETED.getExitCode()).stopAndRestart(step)
                        .from(previous).on("*").fail()
                        .from(step);
            } else {
                flow = flow.next(step);
            }
            previous = step;
        }
        return new JobBuilder(definition.job(), jobRepository).listener(stateListener).start(flow.build()).end().build();
    }

    /**
     * Re-sends a batch's retryable failures (an operator's retry of a COMPLETED batch): the steps
     * from the one that waits for start on, as a job of its own, one instance per round.
     */
    @Bean
    Job smsRedeliveryJob(JobDefinition definition, List<PipelineStep> steps, JobRepository jobRepository,
            BatchStateListener stateListener, StepTracker stepTracker, ObjectProvider<ObservationRegistry> observations) {
        ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        List<StepDefinition> delivery = definition.steps().stream()
                .dropWhile(step -> !step.waitForStart()).toList();
        if (delivery.isEmpty()) {
            throw new IllegalStateException("The job definition has no step that waits for start: nothing to re-send with");
        }
        SimpleJobBuilder job = null;
        for (StepDefinition stepDefinition : delivery) {
            Step step = build(stepDefinition, steps, stepTracker, registry);
            job = job == null ? new JobBuilder(definition.job() + "-redelivery", jobRepository).listener(stateListener).start(step)
                    : job.next(step);
        }
        return job.build();
    }

    /**
     * The engine's step of that name, built with its definition's tuning, its progress tracked, and
     * observed as Spring Batch observes steps ({@code spring.batch.step}: the step durations of the
     * metrics): the steps are built here, not declared as beans, so Spring Batch's bean post-processor
     * that would give them the registry never sees them.
     */
    private static Step build(StepDefinition definition, List<PipelineStep> steps, StepTracker stepTracker,
            ObservationRegistry observations) {
        PipelineStep known = steps.stream().filter(step -> step.name().equals(definition.name())).findFirst().orElseThrow();
        Step step = known.builder().apply(definition);
        if (step instanceof AbstractStep tracked) {
            tracked.registerStepExecutionListener(stepTracker);
            tracked.setObservationRegistry(observations);
        }
        return step;
    }

    /**
     * The job repository: its calls wait out an unreachable database, a job's update that raced with a stop
     * request is tried again, and a node that gave its jobs up at the end of its shutdown writes nothing more.
     */
    @Bean
    static BeanPostProcessor jobRepositoryGuard(ObjectProvider<StopSignals> signals, ObjectProvider<Outages> outages,
            ObjectProvider<DataSource> dataSource) {
        return new JobRepositoryGuard(signals, outages, dataSource);
    }

    /** Runs jobs off the request thread: an upload answers 201 while its batch is being validated. */
    @Bean
    @BatchTaskExecutor
    TaskExecutor batchJobExecutor(PipelineSettings settings) {
        return executor("batch-job-", settings.concurrentJobs());
    }

    @Bean
    TaskExecutor partitionExecutor(PipelineSettings settings) {
        return executor("partition-", settings.partitionThreads());
    }

    /** Checks uploaded rows in parallel, for every batch being validated on this node. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService rowCheckPool(PipelineSettings settings) {
        int threads = settings.rowCheckThreads() > 0 ? settings.rowCheckThreads() : Runtime.getRuntime().availableProcessors();
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "row-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A pool for jobs or steps. At shutdown the node stops its jobs itself, before the web server and
     * the executors stop (recovery's NodeShutdown): the pool goes on taking tasks until then (a queued
     * job starts, sees the node stopping, stops at once and is handed over) and does not hold the
     * shutdown in a stop phase of its own. Whatever still runs when it is destroyed was given up.
     */
    private static ThreadPoolTaskExecutor executor(String prefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(prefix);
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAcceptTasksAfterContextClose(true);
        return executor;
    }
}
