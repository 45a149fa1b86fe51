package dev.dxcp.testsupport.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/** Waits until a real JDBC session can be opened: the only readiness signal every provider shares. */
final class Readiness {

    private Readiness() {
    }

    static void awaitConnectable(String jdbcUrl, String user, String password, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(jdbcUrl, user, password)) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + jdbcUrl, e);
            }
        }
        throw new IllegalStateException("PostgreSQL at " + jdbcUrl + " not reachable within " + timeout, last);
    }
}
