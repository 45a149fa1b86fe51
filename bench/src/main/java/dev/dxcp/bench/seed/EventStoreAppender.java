package dev.dxcp.bench.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends rows to the event table in batches, one transaction per batch, in the order given: the global
 * index comes from the table's own sequence, as for the server's appends. The connection should have
 * reWriteBatchedInserts on, so that a batch travels as a few multi-row INSERTs.
 */
public final class EventStoreAppender implements AutoCloseable {
    private static final int BATCH = 2_000;
    private static final String INSERT = "INSERT INTO domainevententry (eventidentifier, aggregateidentifier, "
            + "sequencenumber, type, timestamp, payloadtype, payloadrevision, payload, metadata) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final PreparedStatement insert;
    private final List<EventRow> pending = new ArrayList<>(BATCH);
    private long appended;

    public EventStoreAppender(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(INSERT);
    }

    public void append(EventRow row) throws SQLException {
        pending.add(row);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    public void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        for (EventRow row : pending) {
            insert.setString(1, row.eventIdentifier());
            insert.setString(2, row.aggregateIdentifier());
            insert.setLong(3, row.sequenceNumber());
            insert.setString(4, row.type());
            insert.setString(5, row.timestamp());
            insert.setString(6, row.payloadType());
            insert.setString(7, row.payloadRevision());
            insert.setBytes(8, row.payload());
            insert.setBytes(9, row.metadata());
            insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
        appended += pending.size();
        pending.clear();
    }

    public long appended() {
        return appended;
    }

    @Override
    public void close() throws SQLException {
        flush();
        insert.close();
        connection.close();
    }
}
