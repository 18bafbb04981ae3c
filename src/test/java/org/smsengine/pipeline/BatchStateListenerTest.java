package org.smsengine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.smsengine.system.ConflictException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.dao.DataIntegrityViolationException;

class BatchStateListenerTest {

    @Test
    void aFailureWhoseCauseQuotesRowDataIsStoredWithoutIt() {
        PSQLException copy = new PSQLException("ERROR: invalid input syntax for type bigint: \"Secret Ann\"\n"
                + "  Where: COPY sms_reject, line 1, column row_no: \"+12015550123\tSecret Ann\"", PSQLState.INVALID_PARAMETER_TYPE);
        String error = BatchStateListener.failureOf(failedWith(new DataIntegrityViolationException("COPY", copy)));
        assertThat(error).doesNotContain("Secret", "+12015550123", "COPY sms_reject")
                .contains("PSQLException", "SQLState ", "job execution 17");
    }

    @Test
    void theEnginesOwnMessagesAreKeptForTheOperator() {
        String error = BatchStateListener.failureOf(failedWith(new IllegalStateException("wrapped",
                new ConflictException("Batch 5 is PAUSED: 'start' is not allowed now", "PAUSED", java.util.List.of()))));
        assertThat(error).isEqualTo("ConflictException: Batch 5 is PAUSED: 'start' is not allowed now");
    }

    private static JobExecution failedWith(Throwable failure) {
        JobExecution execution = new JobExecution(new JobInstance(3L, "smsBatch"), 17L,
                new JobParametersBuilder().addLong("batchId", 5L).toJobParameters());
        StepExecution step = execution.createStepExecution("validation");
        step.setStatus(BatchStatus.FAILED);
        step.addFailureException(failure);
        execution.setStatus(BatchStatus.FAILED);
        return execution;
    }
}
