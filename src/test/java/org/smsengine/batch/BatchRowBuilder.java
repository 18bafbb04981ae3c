package org.smsengine.batch;

import java.time.OffsetDateTime;
import org.smsengine.upload.SourceFormat;

/** Batch rows for tests that need one without a database: {@code aBatch().in(READY).build()}. */
public final class BatchRowBuilder {

    private String forecast;
    private java.math.BigDecimal budget;
    private java.math.BigDecimal cost = java.math.BigDecimal.ZERO;

    private long id = 1;
    private BatchState state = BatchState.CREATED;
    private BatchCounts counts = BatchCounts.NONE;
    private OffsetDateTime sendAt;
    private String currentStep;
    private long retryableFailures;
    private final OffsetDateTime now = OffsetDateTime.now();

    private BatchRowBuilder() {
    }

    public static BatchRowBuilder aBatch() {
        return new BatchRowBuilder();
    }

    public BatchRowBuilder id(long value) {
        id = value;
        return this;
    }

    public BatchRowBuilder in(BatchState value) {
        state = value;
        return this;
    }

    public BatchRowBuilder counts(BatchCounts value) {
        counts = value;
        return this;
    }

    public BatchRowBuilder sendAt(OffsetDateTime value) {
        sendAt = value;
        return this;
    }

    public BatchRowBuilder currentStep(String value) {
        currentStep = value;
        return this;
    }

    public BatchRowBuilder retryableFailures(long value) {
        retryableFailures = value;
        return this;
    }

    /** Its forecast (JSON), budget and cost so far. */
    public BatchRowBuilder spending(String forecast, java.math.BigDecimal budget, java.math.BigDecimal cost) {
        this.forecast = forecast;
        this.budget = budget;
        this.cost = cost;
        return this;
    }

    public BatchRow build() {
        return new BatchRow(id, "test", state, 3, "Hi", SourceFormat.CSV, "phone", "US", null, sendAt, null, 0, 0, counts, 0,
                0, null, currentStep, null, null, null, 0, null, null, retryableFailures, null, null, null, null, false, null,
                null, forecast, budget, cost, "tester", now, now);
    }
}
