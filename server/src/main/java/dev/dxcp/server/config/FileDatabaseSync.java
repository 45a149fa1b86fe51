package dev.dxcp.server.config;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Puts everything the embedded H2 file database has committed on disk: H2's MVStore keeps commits in
 * memory and writes them about once a second, and never forces them to the device on commit, so a
 * SIGKILL or a power cut lost the last second of writes already answered 2xx. {@code CHECKPOINT SYNC}
 * writes the committed changes and forces the file.
 *
 * <p>A group commit: callers that arrive while a sync runs wait for the next one, which covers all of
 * them, so a burst of answers costs one sync, not one each. A sync covers every caller whose call began
 * before it started, and each caller's transaction committed before its call.</p>
 */
public class FileDatabaseSync {
    private final DataSource dataSource;
    private final Object lock = new Object();
    private long requested;
    private long durableUpTo;
    private boolean syncing;

    public FileDatabaseSync(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns once every transaction committed before this call is on disk. */
    public void syncCommitted() {
        long ticket;
        long covers;
        synchronized (lock) {
            ticket = ++requested;
            while (true) {
                if (durableUpTo >= ticket) {
                    return;
                }
                if (!syncing) {
                    break;
                }
                waitForTheRunningSync();
            }
            syncing = true;
            covers = requested;
        }
        boolean synced = false;
        try {
            force();
            synced = true;
        } finally {
            synchronized (lock) {
                syncing = false;
                if (synced) {
                    durableUpTo = Math.max(durableUpTo, covers);
                }
                lock.notifyAll();
            }
        }
    }

    private void waitForTheRunningSync() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database file to be synced", e);
        }
    }

    private void force() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded database could not be synced to disk", e);
        }
    }
}
