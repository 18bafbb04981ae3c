package org.smsengine.batch;

import java.util.ArrayList;
import java.util.List;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;

/** {@code ?page=&size=} of a listing, checked. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 1000;

    public static PageRequest of(int page, int size) {
        List<InputError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(InputError.field("page", "page starts at 0"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(InputError.field("size", "size must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Bad page request: " + errors.get(0).message(), errors);
        }
        return new PageRequest(page, size);
    }

    public long offset() {
        return (long) page * size;
    }
}
