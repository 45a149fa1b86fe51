package dev.dxcp.server.cluster;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Instances started together on an empty PostgreSQL database migrate one after another: each holds a
 * session advisory lock around Flyway, so the first creates the schema and the others find it
 * migrated. The lock belongs to the connection, so an instance killed mid-migration releases it.
 * Flyway has locks of its own, but not around creating its history table on a database without one;
 * this makes the guarantee ours rather than a detail of a Flyway version. The embedded database is
 * one process's file, so it needs none.
 */
public class MigrationLock implements FlywayMigrationStrategy {
    /** Any fixed number, the same in every DXCP version: 'DXCP' 'MIGR' in ASCII. */
    static final long LOCK_KEY = 0x4458_4350_4D49_4752L;
    private static final Logger log = LoggerFactory.getLogger(MigrationLock.class);

    @Override
    public void migrate(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                flyway.migrate();
                return;
            }
            long waitStarted = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            }
            log.info("event=migration_lock_taken waited_ms={}", (System.nanoTime() - waitStarted) / 1_000_000);
            try {
                flyway.migrate();
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the migration lock: " + e.getMessage(), e);
        }
    }
}
