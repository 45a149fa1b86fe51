package dev.dxcp.query.audit;

import dev.dxcp.events.audit.AuditEvent;
import dev.dxcp.events.audit.AuditQueries.AuditEvents;
import dev.dxcp.events.audit.AuditQueries.ListAuditEvents;
import dev.dxcp.query.common.SqlTime;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.List;

import static dev.dxcp.query.common.SqlTime.toSql;

/** Answers GET /v1/audit/events from the audit read model: newest first, inclusive time bounds. */
public class AuditEventQueries {
    private static final RowMapper<AuditEvent> ROW = (rs, i) -> new AuditEvent(rs.getString("event_id"),
            rs.getString("event_type"), rs.getString("actor_id"), rs.getString("actor_role"),
            rs.getString("target_type"), rs.getString("target_id"), SqlTime.read(rs, "occurred_at"),
            rs.getString("outcome"), rs.getString("summary"), rs.getString("delivery_group_id"),
            rs.getString("service_name"), rs.getString("environment"));

    private final JdbcTemplate jdbc;

    public AuditEventQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public AuditEvents handle(ListAuditEvents query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.eventType() != null) {
            sql.append(" AND event_type = ?");
            args.add(query.eventType());
        }
        if (query.deliveryGroupId() != null) {
            sql.append(" AND delivery_group_id = ?");
            args.add(query.deliveryGroupId());
        }
        if (query.startTime() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(toSql(query.startTime()));
        }
        if (query.endTime() != null) {
            sql.append(" AND occurred_at <= ?");
            args.add(toSql(query.endTime()));
        }
        // Ties (one event's several entries, or equal timestamps) fall back to store order, newest first.
        sql.append(" ORDER BY occurred_at DESC, source_position DESC, event_id DESC LIMIT ?");
        args.add(query.limit());
        return new AuditEvents(jdbc.query(sql.toString(), ROW, args.toArray()));
    }
}
