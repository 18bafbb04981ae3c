package org.smsengine.progress;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.smsengine.batch.BatchQueries;
import org.smsengine.batch.BatchRow;
import org.smsengine.system.Outages;
import org.springframework.dao.DataAccessException;

/**
 * Answers progress from Redis, or from PostgreSQL when Redis is unreachable or has nothing for
 * the batch (the answer then says {@code "source": "database"}). A database answer is also handed
 * to the publisher, so Redis is filled again as soon as it can take it.
 */
public class ProgressService {

    private final RedisProgressStore store;
    private final RedisGuard guard;
    private final ProgressPublisher publisher;
    private final BatchQueries batches;
    private final Outages outages;
    private final ProgressCalculator calculator;
    private final Clock clock;

    ProgressService(RedisProgressStore store, RedisGuard guard, ProgressPublisher publisher, BatchQueries batches,
            Outages outages, ProgressCalculator calculator, Clock clock) {
        this.outages = outages;
        this.store = store;
        this.guard = guard;
        this.publisher = publisher;
        this.batches = batches;
        this.calculator = calculator;
        this.clock = clock;
    }

    public BatchProgress progress(long batchId) {
        Optional<RedisProgressStore.Stored> stored = fromRedis(batchId);
        if (stored.isPresent()) {
            return calculator.calculate(stored.get().snapshot(), stored.get().samples(), clock.instant(), "redis")
                    .waitingFor(outages.waitingFor());
        }
        BatchRow row = batches.require(batchId);
        publisher.publish(row);
        return calculator.calculate(ProgressSnapshot.of(row), List.of(), clock.instant(), "database")
                .waitingFor(outages.waitingFor());
    }

    private Optional<RedisProgressStore.Stored> fromRedis(long batchId) {
        if (!guard.mayTry()) {
            return Optional.empty();
        }
        if (publisher.hasPending(batchId) && !publisher.flush()) {
            // Redis has not taken this batch's newest snapshot yet (it was down): it would answer with an older one
            return Optional.empty();
        }
        try {
            Optional<RedisProgressStore.Stored> stored = store.read(batchId);
            guard.succeeded();
            return stored;
        } catch (DataAccessException | IllegalStateException e) {
            guard.failed(e);
            return Optional.empty();
        }
    }
}
