package org.smsengine.pipeline;

import java.time.Instant;
import java.util.Optional;
import org.smsengine.system.Failures;
import org.smsengine.system.OutageException;
import org.smsengine.system.Outages;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;

/**
 * A batch's job ended because something it stands on was away (the database, most often), not because of
 * the batch: its execution may not even be recorded as ended. Not a failure of the batch, which keeps its
 * state: recovery ends the execution once the database answers, and continues the job, or, when the
 * service was away longer than {@code sms.outage.patience}, pauses the batch with the reason.
 *
 * @param service     what was away ({@code database}, ...)
 * @param since       since when, as far as this node saw
 * @param pastPatience whether the job gave up waiting (the service was away longer than the patience)
 */
public record BatchJobInterrupted(long batchId, long jobExecutionId, String service, Instant since, boolean pastPatience) {

    /** The interruption of an execution that ended FAILED or UNKNOWN, if that is what it was. */
    static Optional<BatchJobInterrupted> of(JobExecution execution, Outages outages) {
        BatchStatus status = execution.getStatus();
        if (status != BatchStatus.FAILED && status != BatchStatus.UNKNOWN) {
            return Optional.empty();
        }
        long batchId = BatchJobs.batchIdOf(execution);
        Optional<OutageException> gaveUp = causes(execution).filter(OutageException.class::isInstance)
                .map(OutageException.class::cast).findFirst();
        if (gaveUp.isPresent()) {
            return Optional.of(new BatchJobInterrupted(batchId, execution.getId(), gaveUp.get().service().label(),
                    gaveUp.get().since(), true));
        }
        boolean unreachable = execution.getAllFailureExceptions().stream().anyMatch(Failures::unreachable);
        if (!unreachable && status != BatchStatus.UNKNOWN) {
            return Optional.empty();
        }
        // an UNKNOWN execution could not save what became of it: whatever the cause, the database did not take it
        Instant since = outages.since(Outages.Service.DATABASE).orElseGet(Instant::now);
        return Optional.of(new BatchJobInterrupted(batchId, execution.getId(), Outages.Service.DATABASE.label(), since, false));
    }

    private static java.util.stream.Stream<Throwable> causes(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().flatMap(failure -> {
            java.util.List<Throwable> chain = new java.util.ArrayList<>();
            for (Throwable cause = failure; cause != null && chain.size() < 20; cause = cause.getCause()) {
                chain.add(cause);
            }
            return chain.stream();
        });
    }
}
