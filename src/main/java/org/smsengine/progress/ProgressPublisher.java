package org.smsengine.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsengine.batch.BatchRow;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands batch snapshots to Redis without ever making the pipeline wait for it. A snapshot is
 * parked per batch (the newest wins) and a single background thread writes what is parked every
 * flush interval, one script call per batch. While Redis is down snapshots stay parked; the
 * first write after it returns carries the database's latest counters, which reconciles it.
 */
public class ProgressPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProgressPublisher.class);

    private final RedisProgressStore store;
    private final RedisGuard guard;
    private final Map<Long, ProgressSnapshot> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    ProgressPublisher(RedisProgressStore store, RedisGuard guard, long flushIntervalMillis) {
        this.store = store;
        this.guard = guard;
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress-publisher");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, flushIntervalMillis, flushIntervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Publishes the row now, or, inside a transaction, once it has committed (never a rolled-back count). */
    public void publish(BatchRow row) {
        ProgressSnapshot snapshot = ProgressSnapshot.of(row);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    park(snapshot);
                }
            });
        } else {
            park(snapshot);
        }
    }

    private void park(ProgressSnapshot snapshot) {
        pending.merge(snapshot.batchId(), snapshot, (parked, offered) -> offered.seq() > parked.seq() ? offered : parked);
    }

    /** Whether a snapshot of the batch waits to be written (Redis is behind the database for it). */
    boolean hasPending(long batchId) {
        return pending.containsKey(batchId);
    }

    /** Writes everything parked; true when Redis took it (or nothing was parked). */
    synchronized boolean flush() {
        if (pending.isEmpty()) {
            return true;
        }
        if (!guard.mayTry()) {
            return false;
        }
        List<ProgressSnapshot> batch = new ArrayList<>(pending.values());
        try {
            store.write(batch);
            guard.succeeded();
            batch.forEach(written -> pending.remove(written.batchId(), written));
            return true;
        } catch (DataAccessException | IllegalStateException e) {
            guard.failed(e);
            return false;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Progress could not be written to Redis", e);
        }
    }

    @Override
    public void destroy() {
        flusher.shutdownNow();
        flushQuietly();
    }
}
