package org.smsengine.batch;

import java.util.List;

/**
 * The actions an operator may take on a batch in a state. Delivery brings {@code start}; pause,
 * resume, retry and abort come with the lifecycle's transition table.
 */
public final class BatchActions {

    public static final String START = "start";

    private BatchActions() {
    }

    public static List<String> allowedIn(BatchState state) {
        return switch (state) {
            case READY, SCHEDULED -> List.of(START);
            default -> List.of();
        };
    }
}
