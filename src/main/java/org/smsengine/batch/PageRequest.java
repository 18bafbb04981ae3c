package org.smsengine.batch;

import java.util.ArrayList;
import java.util.List;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;

/**
 * {@code ?page=&size=} of a listing, checked: {@code size} 1 to {@value #MAX_SIZE}, and no deeper than
 * {@code maxOffset} rows, because PostgreSQL walks every row it skips (use {@link PageLimits}, which
 * knows the configured depth).
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 1000;

    static PageRequest of(int page, int size, long maxOffset) {
        List<InputError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(InputError.field("page", "page starts at 0"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(InputError.field("size", "size must be between 1 and " + MAX_SIZE));
        }
        if (errors.isEmpty() && (long) page * size > maxOffset) {
            errors.add(InputError.field("page", "page " + page + " of size " + size + " starts at row " + (long) page * size
                    + "; listings reach at most " + maxOffset + " rows deep (sms.paging.max-offset). Narrow the listing"
                    + " (by state or status), or download the batch's CSV report (/api/v1/batches/{id}/report) for all"
                    + " of its messages"));
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
