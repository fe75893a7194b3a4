package org.elicence.messaging.inbox;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure is the database being out of reach rather than anything a record did: the connection refused,
 * reset or closed (SQLSTATE class 08), the server shutting down or starting up (57P01–57P03), no connection to be had
 * from the pool. {@link BoundedRetry} waits such a failure out instead of counting it against the record.
 */
final class DatabaseUnreachable {

    /** admin_shutdown, crash_shutdown, cannot_connect_now: a restart or failover of the server. */
    private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnreachable() {
    }

    static boolean causes(Throwable failure) {
        return cause(failure) != null;
    }

    /** The exception that shows it, by class and SQLSTATE: no message, which might quote a statement's values. */
    static String describe(Throwable failure) {
        Throwable cause = cause(failure);
        return cause instanceof SQLException sql && sql.getSQLState() != null
                ? cause.getClass().getName() + " SQLSTATE " + sql.getSQLState()
                : String.valueOf(cause == null ? null : cause.getClass().getName());
    }

    private static Throwable cause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return t;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GOING_OR_COMING.contains(sql.getSQLState()))) {
                return t;
            }
        }
        return null;
    }
}
