package org.smsengine.review;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.smsengine.batch.BatchRow;
import org.smsengine.batch.BatchState;
import org.smsengine.system.ConflictException;
import org.smsengine.system.ForbiddenException;
import org.smsengine.system.Role;
import org.springframework.security.core.Authentication;

/**
 * Who may test-send a batch, and when (API.md): ADMIN, a prepared batch that has not started; APPROVER,
 * a batch under review (AWAITING_APPROVAL), for that is the approver's part: once it is decided, an
 * approver has no more to do with it. The security table lets only these two roles reach the endpoint;
 * the state is judged here.
 */
public final class TestSendRights {

    /** Prepared and not started: the messages are rendered and nobody has them yet. */
    static final Set<BatchState> ADMIN_STATES = EnumSet.of(BatchState.AWAITING_APPROVAL, BatchState.READY,
            BatchState.SCHEDULED);
    static final Set<BatchState> APPROVER_STATES = EnumSet.of(BatchState.AWAITING_APPROVAL);

    private TestSendRights() {
    }

    /** The states in which {@code user} may test-send a batch: none when their role may not (the console's form). */
    public static Set<BatchState> states(Authentication user) {
        if (has(user, Role.ADMIN)) {
            return ADMIN_STATES;
        }
        return has(user, Role.APPROVER) ? APPROVER_STATES : Set.of();
    }

    /**
     * Nothing when {@code user} may test-send the batch now; 403 when their role may not: in any state, or, for an
     * approver, in this one (the batch is not under review); 409 for an admin once the batch has started.
     */
    static void check(BatchRow batch, Authentication user, Supplier<List<String>> allowedActions) {
        Set<BatchState> states = states(user);
        if (states.contains(batch.state())) {
            return;
        }
        if (states.isEmpty()) {
            throw new ForbiddenException("Only ADMIN, or APPROVER on a batch under review, may test-send a batch");
        }
        if (states == APPROVER_STATES) {
            throw new ForbiddenException("Batch " + batch.id() + " is " + batch.state() + ": an APPROVER may test-send"
                    + " a batch only while it is under review (" + BatchState.AWAITING_APPROVAL + ")");
        }
        throw new ConflictException("Batch " + batch.id() + " is " + batch.state() + ": a test-send needs a prepared batch"
                + " that has not started (" + ADMIN_STATES + ")", batch.state().name(), allowedActions.get());
    }

    private static boolean has(Authentication user, Role role) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role.name()).equals(a.getAuthority()));
    }
}
