package dev.dxcp.query.common;

import dev.dxcp.events.common.Timestamps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in and out of TIMESTAMP WITH TIME ZONE columns as OffsetDateTime, the only mapping both
 * PostgreSQL and H2 drivers agree on without consulting the JVM's default time zone. Written instants
 * are truncated to microseconds here, not rounded by the database: that is the precision of the
 * column and of the wire, and the time-travel fold truncates event times the same way, so both
 * paths show (and compare) the same microsecond.
 */
public final class SqlTime {
    private SqlTime() {
    }

    public static OffsetDateTime toSql(Instant instant) {
        return instant == null ? null : Timestamps.truncate(instant).atOffset(ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
