package org.smsengine.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchState;

class ProgressCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final ProgressCalculator calculator = new ProgressCalculator(Duration.ofSeconds(10));

    @Test
    void preparationRateComesFromTheRecentSamples() {
        ProgressSnapshot snapshot = snapshot(BatchState.PREPARING, "preparation", 600_000, 1_000_000, 0);
        List<RateSample> samples = List.of(
                new RateSample("preparation", NOW.minusSeconds(4).toEpochMilli(), 200_000),
                new RateSample("preparation", NOW.minusSeconds(2).toEpochMilli(), 400_000),
                new RateSample("preparation", NOW.toEpochMilli(), 600_000),
                new RateSample("validation", NOW.minusSeconds(30).toEpochMilli(), 1_000_000));

        BatchProgress progress = calculator.calculate(snapshot, samples, NOW, "redis");

        assertThat(progress.ratePerSecond()).isEqualTo(100_000.0);
        assertThat(progress.etaSeconds()).isEqualTo(4);
        assertThat(progress.percent()).isEqualTo(60.0);
        assertThat(progress.total()).isEqualTo(1_000_000);
    }

    @Test
    void validationEstimatesItsTotalFromTheBytesRead() {
        ProgressSnapshot snapshot = snapshot(BatchState.PREPARING, "validation", 0, 0, 250_000);
        BatchProgress progress = calculator.calculate(snapshot, List.of(), NOW, "database");
        assertThat(progress.total()).isEqualTo(1_000_000);
        assertThat(progress.percent()).isEqualTo(25.0);
    }

    @Test
    void aStepThatHasNotMovedForAWindowHasNoRateAndNoEta() {
        ProgressSnapshot snapshot = snapshot(BatchState.PREPARING, "preparation", 600_000, 1_000_000, 0);
        List<RateSample> samples = List.of(new RateSample("preparation", NOW.minusSeconds(60).toEpochMilli(), 600_000));
        BatchProgress progress = calculator.calculate(snapshot, samples, NOW, "redis");
        assertThat(progress.ratePerSecond()).isZero();
        assertThat(progress.etaSeconds()).isNull();
    }

    @Test
    void aReadyBatchIsDoneWithNothingLeft() {
        ProgressSnapshot snapshot = snapshot(BatchState.READY, "preparation", 1_000_000, 1_000_000, 0);
        BatchProgress progress = calculator.calculate(snapshot, List.of(), NOW, "redis");
        assertThat(progress.percent()).isEqualTo(100.0);
        assertThat(progress.etaSeconds()).isZero();
        assertThat(progress.ratePerSecond()).isZero();
    }

    private static ProgressSnapshot snapshot(BatchState state, String step, long prepared, long valid, long rows) {
        long uploadBytes = 40_000_000;
        long validatedBytes = rows == 0 ? uploadBytes : uploadBytes / 4;
        BatchCounts counts = new BatchCounts(rows == 0 ? valid : rows, valid, 0, 0, 0, prepared, 0, 0, 0, 0, 0, 0, 0);
        return new ProgressSnapshot(1, 1, state, step, NOW.minusSeconds(6), counts, uploadBytes, validatedBytes, NOW, null);
    }
}
