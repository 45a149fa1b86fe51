package dev.dxcp.server.http;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;

import javax.sql.DataSource;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure caused by an unreachable database from a bug, so the client gets a 503 it can retry
 * rather than a 500. Connection errors are recognized by type and SQLState (class 08 "connection
 * exception"; 57P01–57P03 PostgreSQL shutting down or not yet accepting). What a lost connection looks
 * like further up varies (a failed rollback on a closed connection, Axon's "failed to read events"), so
 * any other database error counts as an outage when the database does not answer a validity check now.
 */
@Component
public class DatabaseOutages {
    private final DataSource dataSource;

    public DatabaseOutages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isOutage(Throwable failure) {
        Set<Throwable> causes = causesOf(failure);
        if (causes.stream().anyMatch(DatabaseOutages::connectionFailure)) {
            return true;
        }
        return causes.stream().anyMatch(DatabaseOutages::databaseError) && !reachable();
    }

    private static boolean connectionFailure(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                || cause instanceof ConnectException || cause instanceof CannotGetJdbcConnectionException) {
            return true;
        }
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"));
    }

    private static boolean databaseError(Throwable cause) {
        return cause instanceof SQLException || cause instanceof DataAccessException
                || cause instanceof TransactionException || cause instanceof JdbcException
                || cause instanceof EventStoreException;
    }

    private boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Every cause, suppressed exception and failed transaction's original exception, each once. */
    private static Set<Throwable> causesOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            Collections.addAll(pending, next.getSuppressed());
            if (next instanceof TransactionSystemException transaction && transaction.getApplicationException() != null) {
                pending.add(transaction.getApplicationException());
            }
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return seen;
    }
}
