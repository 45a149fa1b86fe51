package dev.dxcp.query.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequested;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalExpired;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApproved;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentRejected;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackRefused;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackStarted;
import dev.dxcp.events.insights.InsightsQueries.GovernanceInsights;
import dev.dxcp.events.insights.InsightsQueries.GovernanceInsightsOf;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Change governance in the insights (docs/GOVERNANCE.md, docs/INSIGHTS.md): counted from the governance events
 * themselves, which are few (one or two per governed deployment), so no read model is kept for them and a
 * rebuild has nothing to redo. Each event names its service, group and environment, except the end of an
 * approval wait, which is matched to its ApprovalRequested by deployment id.
 */
public class GovernanceInsightsQueries {
    private static final List<String> TYPES = List.of(AutomaticRollbackStarted.class.getName(),
            AutomaticRollbackRefused.class.getName(), ApprovalRequested.class.getName(),
            DeploymentApproved.class.getName(), DeploymentRejected.class.getName(),
            DeploymentApprovalExpired.class.getName());

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public GovernanceInsightsQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    public GovernanceInsights handle(GovernanceInsightsOf query) {
        List<Row> rows = jdbc.query("SELECT aggregateidentifier, payloadtype, timestamp, payload FROM "
                        + "domainevententry WHERE payloadtype IN (?, ?, ?, ?, ?, ?) ORDER BY globalindex",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)),
                        parse(rs.getBytes(4))), TYPES.toArray());
        long started = 0;
        long refused = 0;
        Map<String, Row> waiting = new HashMap<>();
        List<Double> waits = new ArrayList<>();
        for (Row row : rows) {
            if (row.type().equals(ApprovalRequested.class.getName())) {
                waiting.put(row.deploymentId(), row);
                continue;
            }
            boolean inWindow = !row.at().isBefore(query.windowStart()) && !row.at().isAfter(query.windowEnd());
            if (row.type().equals(AutomaticRollbackStarted.class.getName())) {
                started += inWindow && matches(row, query) ? 1 : 0;
            } else if (row.type().equals(AutomaticRollbackRefused.class.getName())) {
                refused += inWindow && matches(row, query) ? 1 : 0;
            } else {
                Row requested = waiting.remove(row.deploymentId());
                if (requested != null && inWindow && matches(requested, query)) {
                    waits.add(Duration.between(requested.at(), row.at()).toMillis() / 1000.0);
                }
            }
        }
        return new GovernanceInsights(started, refused, waits.size(), DoraCalculator.median(waits),
                DoraCalculator.mean(waits));
    }

    private static boolean matches(Row row, GovernanceInsightsOf query) {
        return matches(query.service(), row.payload().path("service"))
                && matches(query.groupId(), row.payload().path("deliveryGroupId"))
                && matches(query.environment(), row.payload().path("environment"));
    }

    private static boolean matches(String wanted, JsonNode value) {
        return wanted == null || Objects.equals(wanted, value.asText(null));
    }

    private JsonNode parse(byte[] payload) {
        try {
            return json.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private record Row(String deploymentId, String type, Instant at, JsonNode payload) {
    }
}
