package org.smsengine.idempotency;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks a keyed request's claim in every transaction the request commits, before it commits (Spring Boot
 * gives this listener to the transaction manager). Had the request's node died, a retry must know whether
 * any of its work was committed: if not, the request can run again; if so, running it again could do it
 * twice. The mark is also a fence: when the claim was taken over meanwhile (this node was thought lost),
 * the mark finds no row and the transaction rolls back instead of committing work twice.
 */
@Component
class CommittedWork implements TransactionExecutionListener {

    private static final ThreadLocal<Claim> RUNNING = new ThreadLocal<>();

    private final IdempotencyKeys keys;

    CommittedWork(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /** Runs {@code request} with its transactions marking {@code claim}. */
    static void during(Claim claim, Work request) throws IOException, ServletException {
        RUNNING.set(claim);
        try {
            request.run();
        } finally {
            RUNNING.remove();
        }
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        Claim claim = RUNNING.get();
        if (claim != null && beginFailure == null && !transaction.isReadOnly()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new Mark(claim));
        }
    }

    interface Work {
        void run() throws IOException, ServletException;
    }

    private final class Mark implements TransactionSynchronization {

        private final Claim claim;

        Mark(Claim claim) {
            this.claim = claim;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!readOnly && !keys.markWorkCommitted(claim)) {
                throw new ClaimLostException(claim);
            }
        }

        /** First, before MyBatis flushes and closes the transaction's session. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** The claim was taken over by a retry on another node: this request's work must not commit. */
    static final class ClaimLostException extends IllegalStateException {

        ClaimLostException(Claim claim) {
            super("The Idempotency-Key '" + claim.key() + "' of " + claim.scope() + " was taken over by a retry while "
                    + "this request ran (its node was taken for lost); its work is rolled back");
        }
    }
}
