package org.smsengine.system;

/** The thing a request names does not exist (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }

    protected NotFoundException(String message) {
        super(message);
    }
}
