package dev.dxcp.bench.seed;

import dev.dxcp.events.build.BuildRecord;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Appends a generated past straight into the event table, the fast way to a store of a million events. */
public final class HistorySeeder {
    private HistorySeeder() {
    }

    /** What seeding wrote, and how long it took. */
    /** @param sampleBuild one seeded build, for checks that the server accepts the seeded streams */
    public record Seeded(long events, long nanos, long headAfter, BuildRecord sampleBuild) {
        public double eventsPerSecond() {
            return events / (nanos / 1e9);
        }
    }

    public static Seeded seed(String jdbcUrl, String user, String password, HistoryPlan plan) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        // One multi-row INSERT per batch instead of a round trip per row.
        properties.setProperty("reWriteBatchedInserts", "true");
        long start = System.nanoTime();
        long appended;
        DeploymentHistory history = new DeploymentHistory(plan, new ServerEventSerializer());
        try (EventStoreAppender appender = new EventStoreAppender(DriverManager.getConnection(jdbcUrl, properties))) {
            history.generate(appender::append);
            appender.flush();
            appended = appender.appended();
        }
        long nanos = System.nanoTime() - start;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
            return new Seeded(appended, nanos, ProcessorTokens.head(connection), history.lastBuild());
        }
    }
}
