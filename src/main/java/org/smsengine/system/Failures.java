package org.smsengine.system;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What kind of failure an exception is, read along its causes: a service that could not be reached
 * (the database restarting or failing over, a connection cut, Redis or the broker gone), which the
 * engine waits out; a failure that passes when tried again (a deadlock, a serialization failure, a
 * lock or statement timeout); or anything else, which trying again would only repeat (a value
 * PostgreSQL refuses, a bug).
 */
public final class Failures {

    /** SQLSTATEs of a connection that failed or a server going away (class 08, and 57P01-57P03: shutdown, crash, starting). */
    private static final Set<String> GONE = Set.of("57P01", "57P02", "57P03", "53300");
    /** SQLSTATEs that pass when tried again: serialization failure, deadlock, lock not available, statement cancelled. */
    private static final Set<String> AGAIN = Set.of("40001", "40P01", "55P03", "57014");
    private static final int DEEPEST = 20;
    private static final String HIKARI_CLOSED = "Connection is closed";

    private Failures() {
    }

    /** True when a service the engine stands on could not be reached, or dropped the connection. */
    public static boolean unreachable(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < DEEPEST; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException || cause instanceof UnknownHostException
                    || cause instanceof SocketTimeoutException || cause instanceof SocketException
                    || cause instanceof EOFException || gone(cause)
                    || cause instanceof TransactionSystemException && unreachable(((TransactionSystemException) cause)
                            .getOriginalException())) {
                return true;
            }
        }
        return false;
    }

    /** True when trying the same work again may succeed: an unreachable service, or a conflict that passes. */
    public static boolean transientFailure(Throwable failure) {
        if (unreachable(failure)) {
            return true;
        }
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < DEEPEST; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof SQLTransientException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && AGAIN.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean gone(Throwable cause) {
        if (!(cause instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        if (state == null) {
            // HikariCP's answer, without a state, on a connection it closed because the server dropped it (a rollback
            // after a failed commit): what is left of the failure once the commit's own error was overridden
            return HIKARI_CLOSED.equals(sql.getMessage());
        }
        return state.startsWith("08") || GONE.contains(state);
    }
}
