package org.smsengine.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.ErrorHandler;

/**
 * What the engine's {@code @Scheduled} tasks log when they fail. A task that failed because the database
 * (or Redis) could not be reached runs again at its next turn, and every task did, every second or so, with
 * a stack trace each time, for as long as a failover lasted: such failures are logged as an outage is
 * ({@link OutageLog}). Anything else is logged whole, as Spring does.
 */
@Component
class ScheduledTaskErrors implements ThreadPoolTaskSchedulerCustomizer, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskErrors.class);

    private final OutageLog outage = new OutageLog(log, "Scheduled tasks fail: a service they need cannot be reached;"
            + " each runs again at its next turn");

    @Override
    public void customize(ThreadPoolTaskScheduler scheduler) {
        scheduler.setErrorHandler(this);
    }

    @Override
    public void handleError(Throwable failure) {
        if (failure instanceof RuntimeException runtime && Failures.unreachable(runtime)) {
            outage.failed(runtime);
        } else {
            log.error("Unexpected error occurred in scheduled task", failure);
        }
    }
}
