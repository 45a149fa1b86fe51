package dev.dxcp.query.deployment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentQueries.CurrentRunningStateOf;
import dev.dxcp.events.deployment.DeploymentQueries.DeploymentList;
import dev.dxcp.events.deployment.DeploymentQueries.FindDeployment;
import dev.dxcp.events.deployment.DeploymentQueries.LatestDeploymentOf;
import dev.dxcp.events.deployment.DeploymentQueries.ListDeployments;
import dev.dxcp.events.deployment.DeploymentQueries.PriorSuccessfulDeployment;
import dev.dxcp.events.deployment.DeploymentQueries.RunningState;
import dev.dxcp.events.deployment.DeploymentQueries.SuccessfulDeploymentOfVersion;
import dev.dxcp.events.deployment.DeploymentQueries.TimelineEntry;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.DeploymentGovernance;
import dev.dxcp.events.deployment.DeploymentQueries.TimelineOf;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.query.common.SqlTime;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;

/**
 * Answers deployment questions from the history read model. The displayed outcome is derived here, at
 * read time, against the whole (service, environment) scope (domain §5), never stored.
 */
public class DeploymentHistoryQueries {
    /** Every record joined with its scope's running deployment, for outcome derivation. */
    private static final String SELECT = "SELECT d.*, r.deployment_id AS running_id FROM rm_deployment d "
            + "LEFT JOIN rm_running r ON r.service = d.service AND r.environment = d.environment ";
    private static final String HISTORY_ORDER = HistoryOrder.SQL;
    private static final TypeReference<List<FailureModel>> FAILURES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Function<String, DeploymentGovernance> governance;
    private final RowMapper<DeploymentRecord> rows = this::record;

    public DeploymentHistoryQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this(jdbc, json, id -> DeploymentGovernance.NONE);
    }

    /** @param governance what change governance did to a deployment (docs/GOVERNANCE.md), by its id */
    public DeploymentHistoryQueries(JdbcTemplate jdbc, ObjectMapper json,
                                    Function<String, DeploymentGovernance> governance) {
        this.jdbc = jdbc;
        this.json = json;
        this.governance = governance;
    }

    /** domain §8: derived from the record, and what change governance did to it (approval, automatic rollback). */
    @QueryHandler
    public List<TimelineEntry> handle(TimelineOf query) {
        return Timeline.of(query.record(), governance.apply(query.record().id()));
    }

    @QueryHandler
    public Optional<DeploymentRecord> handle(FindDeployment query) {
        return jdbc.query(SELECT + "WHERE d.id = ?", rows, query.deploymentId()).stream().findFirst();
    }

    @QueryHandler
    public DeploymentList handle(ListDeployments query) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        filter(where, args, "d.service", query.service());
        filter(where, args, "d.environment", query.environment());
        filter(where, args, "d.state", query.state());
        args.add(query.limit());
        return new DeploymentList(jdbc.query(SELECT + where + HISTORY_ORDER + " LIMIT ?", rows, args.toArray()));
    }

    @QueryHandler
    public Optional<RunningState> handle(CurrentRunningStateOf query) {
        return jdbc.query("SELECT * FROM rm_running WHERE service = ? AND environment = ?",
                (rs, i) -> new RunningState(rs.getString("service"), rs.getString("environment"),
                        rs.getString("version"), rs.getString("deployment_id"),
                        DeploymentKind.valueOf(rs.getString("deployment_kind"))),
                query.service(), query.environment()).stream().findFirst();
    }

    @QueryHandler
    public Optional<DeploymentRecord> handle(LatestDeploymentOf query) {
        return jdbc.query(SELECT + "WHERE d.service = ? AND d.environment = ?" + HISTORY_ORDER + " LIMIT 1", rows,
                query.service(), query.environment()).stream().findFirst();
    }

    /** governance §11: newest SUCCEEDED record of the scope created strictly before the target. */
    @QueryHandler
    public Optional<DeploymentRecord> handle(PriorSuccessfulDeployment query) {
        return jdbc.query(SELECT + "WHERE d.service = ? AND d.environment = ? AND d.state = 'SUCCEEDED' "
                        + "AND d.created_at < (SELECT t.created_at FROM rm_deployment t WHERE t.id = ?)"
                        + HISTORY_ORDER + " LIMIT 1", rows, query.service(), query.environment(),
                query.beforeDeploymentId()).stream().findFirst();
    }

    /** api-contract §6 eligibility: the newest SUCCEEDED record of this version in the scope, any kind. */
    @QueryHandler
    public Optional<DeploymentRecord> handle(SuccessfulDeploymentOfVersion query) {
        return jdbc.query(SELECT + "WHERE d.service = ? AND d.environment = ? AND d.version = ? "
                        + "AND d.state = 'SUCCEEDED'" + HISTORY_ORDER + " LIMIT 1", rows, query.service(),
                query.environment(), query.version()).stream().findFirst();
    }

    private static void filter(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null && !value.isEmpty()) {
            where.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private DeploymentRecord record(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        DeploymentState state = DeploymentState.valueOf(rs.getString("state"));
        String id = rs.getString("id");
        return new DeploymentRecord(id, rs.getString("service"), rs.getString("environment"),
                rs.getString("version"), rs.getString("source_environment"), rs.getString("recipe_id"),
                rs.getInt("recipe_revision"), rs.getString("effective_behavior_summary"), state,
                DeploymentKind.valueOf(rs.getString("deployment_kind")),
                Outcomes.displayed(state, id, rs.getString("rolled_back_by"), rs.getString("running_id")),
                rs.getString("change_summary"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at"),
                rs.getString("rollback_of"), rs.getString("delivery_group_id"), rs.getString("engine_execution_id"),
                rs.getString("engine_execution_url"), failures(rs.getString("failures")));
    }

    private List<FailureModel> failures(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        try {
            return json.readValue(text, FAILURES);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable failures in the deployment read model", e);
        }
    }
}
