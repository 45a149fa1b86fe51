package dev.dxcp.query.deployment;

import dev.dxcp.query.common.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

/**
 * Which records a (service, environment) scope had at a moment, newest first. Served by the history
 * read model's scope index, but only from columns written once by DeploymentAccepted and never
 * updated (id, created_at, rollback_of): later states come from the event streams, not from here.
 * Cost: one range scan of {@code rm_deployment_scope}, three small columns per record of the scope.
 */
public class ScopeIndex {
    private final JdbcTemplate jdbc;

    public ScopeIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ScopeEntry> createdBy(String service, String environment, Instant asOf) {
        return jdbc.query("SELECT d.id, d.created_at, d.rollback_of FROM rm_deployment d "
                        + "WHERE d.service = ? AND d.environment = ? AND d.created_at <= ?" + HistoryOrder.SQL,
                (rs, i) -> new ScopeEntry(rs.getString("id"), SqlTime.read(rs, "created_at"),
                        rs.getString("rollback_of")),
                service, environment, SqlTime.toSql(asOf));
    }
}
