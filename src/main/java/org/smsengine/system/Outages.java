package org.smsengine.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The services this node could not reach, and since when; and the one way work waits one out: tried again
 * with a growing pause (100 ms doubling to {@code backoffMax}) while the failure is one that passes, until
 * it succeeds, the service has been away for {@code patience}, or whoever asked gives up (a pause, the node
 * stopping). What a batch shows as {@code waitingFor} comes from here.
 */
@Component
public class Outages {

    /** What the engine stands on, as API.md names them in {@code waitingFor}. */
    public enum Service {
        DATABASE, REDIS, BROKER, PROVIDER;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A service this node cannot reach, since when; {@code service} as API.md spells it. */
    public record Waiting(String service, Instant since) {
    }

    private static final Logger log = LoggerFactory.getLogger(Outages.class);
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final int CONFLICT_TRIES = 5;

    private final OutageSettings settings;
    private final Clock clock;
    private final Map<Service, Began> current = new EnumMap<>(Service.class);

    private record Began(Instant at, long nanos) {
    }

    Outages(OutageSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Duration patience() {
        return settings.patience();
    }

    /** The service failed a call: it is away from now on, if it was not already. */
    public synchronized Instant unreachable(Service service) {
        Began began = current.get(service);
        if (began == null) {
            began = new Began(clock.instant(), System.nanoTime());
            current.put(service, began);
            log.warn("The {} cannot be reached from this node; work that needs it waits (at most {})", service.label(),
                    settings.patience());
        }
        return began.at();
    }

    /** The service answered: whatever waited for it goes on. */
    public void reachable(Service service) {
        Began ended;
        synchronized (this) {
            ended = current.remove(service);
        }
        if (ended != null) {
            log.info("The {} can be reached again, after {} s", service.label(), (System.nanoTime() - ended.nanos()) / 1_000_000_000L);
        }
    }

    /** The first service (in the order of {@link Service}) this node cannot reach now, and since when. */
    public synchronized Optional<Waiting> waitingFor() {
        return current.entrySet().stream().findFirst().map(e -> new Waiting(e.getKey().label(), e.getValue().at()));
    }

    public synchronized Optional<Instant> since(Service service) {
        return Optional.ofNullable(current.get(service)).map(Began::at);
    }

    /** How long the service has been away, or zero. */
    public synchronized Duration away(Service service) {
        Began began = current.get(service);
        return began == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - began.nanos());
    }

    /**
     * Runs {@code work}, trying again while it fails in a way that passes: an unreachable service until it
     * answers (counted towards the patience from the moment the node first missed it), a conflict that passes
     * (a deadlock, a serialization failure) a few times.
     *
     * @param giveUp asked when the service is unreachable, before each pause: true ends the wait with the last
     *               failure (the work is no longer wanted: the node is stopping, say)
     * @throws OutageException once the service has been away for the patience
     */
    public <T> T waitOut(Service service, BooleanSupplier giveUp, Callable<T> work) throws InterruptedException {
        return waitOut(service, giveUp, work, settings.patience());
    }

    /**
     * As {@link #waitOut(Service, BooleanSupplier, Callable)}, for work that must be done whenever the service
     * answers again, however long it is away (recording what became of a job that has ended): no patience.
     */
    public <T> T waitFor(Service service, BooleanSupplier giveUp, Callable<T> work) throws InterruptedException {
        return waitOut(service, giveUp, work, null);
    }

    private <T> T waitOut(Service service, BooleanSupplier giveUp, Callable<T> work, Duration patience)
            throws InterruptedException {
        long pause = FIRST_PAUSE_MILLIS;
        boolean failed = false;
        for (int conflicts = 0; ; ) {
            try {
                T result = work.call();
                if (failed) {
                    reachable(service);
                }
                return result;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                RuntimeException failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                if (Failures.unreachable(failure)) {
                    failed = true;
                    Instant since = unreachable(service);
                    if (patience != null && away(service).compareTo(patience) >= 0) {
                        throw new OutageException(service, since, patience, failure);
                    }
                    if (giveUp.getAsBoolean()) {
                        throw failure;
                    }
                } else if (!Failures.transientFailure(failure) || ++conflicts >= CONFLICT_TRIES) {
                    throw failure;
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, settings.backoffMax().toMillis());
            }
        }
    }

    /** {@link #waitOut(Service, BooleanSupplier, Callable)} for work that returns nothing. */
    public void waitOut(Service service, BooleanSupplier giveUp, Runnable work) throws InterruptedException {
        waitOut(service, giveUp, () -> {
            work.run();
            return null;
        });
    }
}
