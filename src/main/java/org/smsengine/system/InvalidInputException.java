package org.smsengine.system;

import java.util.List;

/** A request that cannot be accepted as it is (400); nothing has been written. */
public class InvalidInputException extends RuntimeException {

    private final List<InputError> errors;

    public InvalidInputException(String summary, List<InputError> errors) {
        super(summary);
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(InputError error) {
        this(error.message(), List.of(error));
    }

    public List<InputError> errors() {
        return errors;
    }
}
