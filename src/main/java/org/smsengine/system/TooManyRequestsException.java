package org.smsengine.system;

import java.time.Duration;

/** More of something than a user (or the node) may have at once (429); nothing was done. */
public class TooManyRequestsException extends RuntimeException {

    private static final Duration SOON = Duration.ofSeconds(5);

    private final Duration retryAfter;

    public TooManyRequestsException(String message) {
        this(message, SOON);
    }

    /** Refused for {@code retryAfter}: the {@code Retry-After} the caller is told. */
    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
