package org.smsengine.system;

/** More of something than a user (or the node) may have at once (429); nothing was done. */
public class TooManyRequestsException extends RuntimeException {

    public TooManyRequestsException(String message) {
        super(message);
    }
}
