package org.smsengine.system;

import java.time.Duration;
import java.time.Instant;

/** A service the engine stands on was away longer than the patience: the work that waited for it gives up. */
public class OutageException extends IllegalStateException {

    private final Outages.Service service;
    private final Instant since;

    public OutageException(Outages.Service service, Instant since, Duration patience, Throwable cause) {
        super("The " + service.label() + " could not be reached since " + since + ", longer than sms.outage.patience ("
                + patience + ")", cause);
        this.service = service;
        this.since = since;
    }

    public Outages.Service service() {
        return service;
    }

    public Instant since() {
        return since;
    }
}
