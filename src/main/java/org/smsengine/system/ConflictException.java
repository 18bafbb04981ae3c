package org.smsengine.system;

import java.util.List;

/**
 * An action the resource's current state does not allow (409). Carries the state and the actions
 * that are allowed, for the problem detail.
 */
public class ConflictException extends RuntimeException {

    private final String state;
    private final List<String> allowedActions;

    public ConflictException(String message, String state, List<String> allowedActions) {
        super(message);
        this.state = state;
        this.allowedActions = List.copyOf(allowedActions);
    }

    public String state() {
        return state;
    }

    public List<String> allowedActions() {
        return allowedActions;
    }
}
