package dev.dxcp.server.http;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognizes a failure caused by an unreachable database anywhere in the cause chain, so the client
 * gets a 503 it can retry rather than a 500. SQLState class 08 is "connection exception"; 57P01–57P03
 * are PostgreSQL's shutdown and not-yet-accepting states.
 */
public final class DatabaseOutages {
    private DatabaseOutages() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
