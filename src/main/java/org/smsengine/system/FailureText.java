package org.smsengine.system;

import java.sql.SQLException;

/**
 * What a failure may say where every role can read it (a batch's or an audience's {@code error}),
 * and what only the log gets. The engine's own exceptions are written for users and keep their
 * message; anything else (a driver's, a parser's) may quote what it choked on, which is often a
 * recipient's data: PostgreSQL's COPY errors quote the line. Those are summed up as their class
 * (and SQLState), with where to look in the log.
 */
public final class FailureText {

    private static final String OWN_PACKAGE = "org.smsengine.";

    private FailureText() {
    }

    /** The failure for everyone to read; {@code whereToLook} names what the log line carries (a job execution, ...). */
    public static String forUsers(Throwable failure, String whereToLook) {
        Throwable root = root(failure);
        if (root.getClass().getName().startsWith(OWN_PACKAGE) && root.getMessage() != null) {
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        String sqlState = sqlState(failure);
        return root.getClass().getSimpleName() + (sqlState == null ? "" : " (SQLState " + sqlState + ")")
                + ": an internal error; the engine log has its detail (" + whereToLook + ")";
    }

    /** The whole story for the log, escaped: the root cause's class and message. */
    public static String forLog(Throwable failure) {
        Throwable root = root(failure);
        return LogText.escape(root.getClass().getName() + ": " + root.getMessage());
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
