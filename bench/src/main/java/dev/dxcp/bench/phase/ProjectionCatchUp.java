package dev.dxcp.bench.phase;

import dev.dxcp.bench.seed.ProcessorTokens;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * How fast the server's projections work through a seeded past they have not seen: from the moment the
 * first projection's position moves past the old head to the moment every one has reached the new head,
 * read from the token table. This is a replay like a rebuild, by the live processors.
 */
public final class ProjectionCatchUp {
    private static final long POLL_MILLIS = 200;

    /** @param nanos from first progress to all caught up */
    public record CatchUp(long events, long nanos, long waitedNanos) {
        public double eventsPerSecond() {
            return nanos <= 0 ? Double.NaN : events / (nanos / 1e9);
        }
    }

    private ProjectionCatchUp() {
    }

    /**
     * @param from the head before seeding (every projection was there)
     * @param to   the head after seeding
     */
    public static CatchUp await(Connection connection, long from, long to, Duration limit) throws SQLException {
        long start = System.nanoTime();
        long firstProgress = -1;
        while (System.nanoTime() - start < limit.toNanos()) {
            Map<String, Long> positions = ProcessorTokens.projectionPositions(connection);
            long lowest = positions.values().stream().mapToLong(Long::longValue).min().orElse(-1);
            long highest = positions.values().stream().mapToLong(Long::longValue).max().orElse(-1);
            long now = System.nanoTime();
            if (firstProgress < 0 && highest > from) {
                firstProgress = now;
            }
            if (!positions.isEmpty() && lowest >= to) {
                long began = firstProgress < 0 ? now : firstProgress;
                return new CatchUp(to - from, now - began, now - start);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("projections did not catch up with the seeded store within "
                + limit.toMinutes() + " minutes: " + ProcessorTokens.projectionPositions(connection));
    }
}
