package org.smsengine.system;

/** The user's role allows the request, but not on this resource (403): an approver approving a batch they created. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
