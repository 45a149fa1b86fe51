package dev.dxcp.query.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in and out of TIMESTAMP WITH TIME ZONE columns as OffsetDateTime, the only mapping both
 * PostgreSQL and H2 drivers agree on without consulting the JVM's default time zone.
 */
public final class SqlTime {
    private SqlTime() {
    }

    public static OffsetDateTime toSql(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
