package org.smsengine.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.smsengine.batch.BatchCounts;
import org.smsengine.batch.BatchState;

/**
 * Turns a snapshot (and, from Redis, the recent samples of the current step) into the progress
 * the API shows. The rate is measured over the last {@code window}; without samples it is the
 * step's average. A working step that has not moved for a whole window has rate 0 and no ETA.
 */
final class ProgressCalculator {

    private final Duration window;

    ProgressCalculator(Duration window) {
        this.window = window;
    }

    BatchProgress calculate(ProgressSnapshot s, List<RateSample> samples, Instant now, String source) {
        StepProgress step = StepProgress.of(s);
        boolean working = s.state().isWorking();
        double rate = working ? rate(s, step, samples, now) : 0;
        Long eta = eta(step, rate, working, s);
        if (working && s.waitingUntil() != null && s.waitingUntil().isAfter(now)) {
            // waiting for the send window: the wait counts, then the rest at the rate it had (if known)
            eta = (eta == null ? 0 : eta) + Duration.between(now, s.waitingUntil()).toSeconds();
        }
        double percent = s.state().isWorking() || s.state().isFinal() ? step.percent() : 100;
        BatchCounts counts = s.counts();
        return new BatchProgress(s.batchId(), s.state(), step.step(), step.total(), step.processed(), counts.sent(),
                counts.delivered(), counts.failed(), percent, StepProgress.round(rate), eta,
                s.updatedAt().atOffset(ZoneOffset.UTC), source, counts,
                s.waitingUntil() == null || !s.waitingUntil().isAfter(now) ? null : s.waitingUntil().atOffset(ZoneOffset.UTC),
                null);
    }

    private double rate(ProgressSnapshot s, StepProgress step, List<RateSample> samples, Instant now) {
        List<RateSample> current = samples.stream()
                .filter(sample -> sample.step().equals(step.step()))
                .sorted(Comparator.comparingLong(RateSample::millis).reversed())
                .toList();
        if (!current.isEmpty()) {
            RateSample newest = current.get(0);
            if (now.toEpochMilli() - newest.millis() > window.toMillis()) {
                return 0;
            }
            RateSample oldest = current.stream()
                    .filter(sample -> newest.millis() - sample.millis() <= window.toMillis())
                    .reduce((first, second) -> second)
                    .orElse(newest);
            long span = newest.millis() - oldest.millis();
            if (span > 0) {
                return (newest.processed() - oldest.processed()) * 1000.0 / span;
            }
        }
        return averageRate(s, step);
    }

    private static double averageRate(ProgressSnapshot s, StepProgress step) {
        if (s.stepStartedAt() == null || step.processed() == 0) {
            return 0;
        }
        long span = s.updatedAt().toEpochMilli() - s.stepStartedAt().toEpochMilli();
        return span <= 0 ? 0 : step.processed() * 1000.0 / span;
    }

    private static Long eta(StepProgress step, double rate, boolean working, ProgressSnapshot s) {
        if (!working) {
            // nothing left to do, except in a batch that stopped short
            return s.state() == BatchState.FAILED || s.state() == BatchState.ABORTED ? null : 0L;
        }
        if (step.total() == null || rate <= 0) {
            return null;
        }
        return (long) Math.ceil(Math.max(0, step.total() - step.processed()) / rate);
    }
}
