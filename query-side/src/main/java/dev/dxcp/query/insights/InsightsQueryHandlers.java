package dev.dxcp.query.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.events.insights.InsightsQueries.DoraBreakdown;
import dev.dxcp.events.insights.InsightsQueries.DoraMetrics;
import dev.dxcp.events.insights.InsightsQueries.DoraMetricsOf;
import dev.dxcp.events.insights.InsightsQueries.FailureInsights;
import dev.dxcp.events.insights.InsightsQueries.FailureInsightsOf;
import dev.dxcp.query.common.SqlTime;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static dev.dxcp.query.common.SqlTime.toSql;

/**
 * Insights are questions over two read models that already exist: deployment history (states, times,
 * rollbacks, failures) and the build registry (built_at, for lead time). A join answers them, so
 * there is no insights table to keep in step, and a rebuild of either read model rebuilds the insights.
 */
public class InsightsQueryHandlers {
    /** How far before the window DORA looks, to know whether a scope was already failing when it began. */
    static final Duration INCIDENT_LOOKBACK = Duration.ofDays(30);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public InsightsQueryHandlers(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    public FailureInsights handle(FailureInsightsOf query) {
        StringBuilder sql = new StringBuilder(
                "SELECT d.*, NULL AS built_at FROM rm_deployment d WHERE d.created_at >= ? AND d.created_at <= ?");
        List<Object> args = new ArrayList<>(List.of(toSql(query.windowStart()), toSql(query.windowEnd())));
        filter(sql, args, "d.delivery_group_id", query.groupId());
        filter(sql, args, "d.service", query.service());
        sql.append(" ORDER BY d.created_at DESC, d.id DESC");
        return FailureInsightsCalculator.of(jdbc.query(sql.toString(), this::row, args.toArray()));
    }

    @QueryHandler
    public DoraMetrics handle(DoraMetricsOf query) {
        StringBuilder sql = new StringBuilder("SELECT d.*, b.built_at FROM rm_deployment d LEFT JOIN rm_build b "
                + "ON b.service = d.service AND b.version = d.version WHERE d.updated_at >= ? AND d.updated_at <= ?");
        List<Object> args = new ArrayList<>(List.of(toSql(query.windowStart().minus(INCIDENT_LOOKBACK)),
                toSql(query.windowEnd())));
        filter(sql, args, "d.service", query.service());
        filter(sql, args, "d.delivery_group_id", query.groupId());
        filter(sql, args, "d.environment", query.environment());
        List<InsightRow> rows = jdbc.query(sql.toString(), this::row, args.toArray());
        double days = Duration.between(query.windowStart(), query.windowEnd()).toSeconds() / 86_400.0;
        var overall = DoraCalculator.of(rows, query.windowStart(), query.windowEnd(), days);
        Function<InsightRow, String> key = switch (query.groupBy() == null ? "" : query.groupBy()) {
            case "service" -> InsightRow::service;
            case "group" -> r -> r.groupId() == null ? "unknown" : r.groupId();
            case "environment" -> InsightRow::environment;
            default -> null;
        };
        if (key == null) {
            return new DoraMetrics(overall, null);
        }
        Map<String, List<InsightRow>> groups = new TreeMap<>();
        rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        List<DoraBreakdown> breakdown = new ArrayList<>();
        groups.forEach((k, group) -> breakdown.add(new DoraBreakdown(k,
                DoraCalculator.of(group, query.windowStart(), query.windowEnd(), days))));
        return new DoraMetrics(overall, breakdown);
    }

    private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null && !value.isEmpty()) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private InsightRow row(ResultSet rs, int i) throws SQLException {
        return new InsightRow(rs.getString("id"), rs.getString("service"), rs.getString("environment"),
                rs.getString("delivery_group_id"), rs.getString("recipe_id"), rs.getString("state"),
                rs.getString("rollback_of"), rs.getString("rolled_back_by"), SqlTime.read(rs, "created_at"),
                SqlTime.read(rs, "updated_at"), rs.getObject("built_at") == null ? null : SqlTime.read(rs, "built_at"),
                categories(rs.getString("failures")));
    }

    /** Every failure entry's category as stored; normalization happens when counting (domain §9). */
    private List<String> categories(String failures) {
        if (failures == null || failures.isBlank()) {
            return List.of();
        }
        try {
            List<String> categories = new ArrayList<>();
            for (JsonNode failure : json.readTree(failures)) {
                categories.add(failure.path("category").asText(null));
            }
            return categories;
        } catch (IOException e) {
            return List.of();
        }
    }

}
