package dev.dxcp.query.operations;

import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One rebuild per projection in the whole cluster: the instance that runs it holds a row of
 * {@code projection_rebuild} and refreshes it while it runs. A claim not refreshed for {@link #STALE} was
 * left by an instance that died; an admin sees it as abandoned and a new request on any instance takes it.
 * The statements are plain SQL that the embedded database runs too.
 */
public class RebuildClaims {
    static final Duration STALE = Duration.ofSeconds(15);
    static final Duration HEARTBEAT = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    public RebuildClaims(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A rebuild held by another instance, live or abandoned. */
    public record Claim(String instance, Instant startedAt, boolean abandoned) {
    }

    /** True when this instance now holds the projection's rebuild; false while another one runs it. */
    boolean claim(String projection) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO projection_rebuild (projection, instance, started_at, heartbeat_at, finished) "
                + "VALUES (?, ?, ?, ?, TRUE) ON CONFLICT DO NOTHING", projection, instance, now, now);
        return jdbc.update("UPDATE projection_rebuild SET instance = ?, started_at = ?, heartbeat_at = ?, finished = FALSE "
                + "WHERE projection = ? AND (finished OR heartbeat_at < ?)", instance, now, now, projection,
                Timestamp.from(clock.instant().minus(STALE))) == 1;
    }

    void heartbeat(String projection) {
        jdbc.update("UPDATE projection_rebuild SET heartbeat_at = ? WHERE projection = ? AND instance = ? AND NOT finished",
                Timestamp.from(clock.instant()), projection, instance);
    }

    void release(String projection) {
        jdbc.update("UPDATE projection_rebuild SET finished = TRUE, heartbeat_at = ? WHERE projection = ? AND instance = ?",
                Timestamp.from(clock.instant()), projection, instance);
    }

    /** The projection's unfinished rebuild on another instance (or on this one before a restart), if any. */
    Optional<Claim> elsewhere(String projection) {
        Instant staleBefore = clock.instant().minus(STALE);
        return jdbc.query("SELECT instance, started_at, heartbeat_at FROM projection_rebuild "
                        + "WHERE projection = ? AND NOT finished AND instance <> ?",
                (rs, i) -> new Claim(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant().isBefore(staleBefore)),
                projection, instance).stream().findFirst();
    }
}
