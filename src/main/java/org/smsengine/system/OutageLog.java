package org.smsengine.system;

import java.time.Duration;
import org.slf4j.Logger;
import org.springframework.core.NestedExceptionUtils;

/**
 * The log of a task that runs again and again and fails while a service is away: the first failure
 * whole, then a line a minute at most while it goes on, and one when it passed. A receipt pass every
 * 200 ms through a 60 s database failover wrote 300 stack traces.
 */
public final class OutageLog {

    private static final long EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final Logger log;
    private final String what;
    private long firstNanos;
    private long lastNanos;
    private long latestNanos;
    private int failures;

    /** @param what what failed, as the log says it ("Receipts could not be applied; they wait for the next pass") */
    public OutageLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    public synchronized void failed(RuntimeException e) {
        long now = System.nanoTime();
        if (failures > 0 && now - latestNanos > 2 * EVERY_NANOS) {
            failures = 0;       // a task that never says it succeeded: a failure this long after the last is a new outage
        }
        latestNanos = now;
        failures++;
        if (failures == 1) {
            firstNanos = now;
            lastNanos = now;
            log.warn(what, e);
        } else if (now - lastNanos >= EVERY_NANOS) {
            lastNanos = now;
            log.warn("{}: still failing after {} s ({} tries): {}", what, (now - firstNanos) / 1_000_000_000L, failures,
                    String.valueOf(NestedExceptionUtils.getMostSpecificCause(e)));
        }
    }

    public synchronized void ended() {
        if (failures > 0) {
            log.info("{}: that passed after {} s and {} tries", what, (System.nanoTime() - firstNanos) / 1_000_000_000L,
                    failures);
            failures = 0;
        }
    }
}
