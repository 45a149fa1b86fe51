package dev.dxcp.query.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentProgressed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentRolledBackByEngine;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentState;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import dev.dxcp.query.common.SqlTime;
import dev.dxcp.query.generation.Generation;
import dev.dxcp.query.generation.GenerationTarget;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

import static dev.dxcp.query.common.SqlTime.toSql;

/**
 * Deployment history and current running state. Every write is keyed and guarded so that replaying
 * an event leaves the tables as they were: a terminal state is never overwritten (governance §10), and
 * the running row moves only to a success that is newer in history order (domain §6, §7). Every
 * statement names the tables of the generation the target gives for the event (the active one live,
 * the new one during a rebuild); readers use the views over the active generation.
 */
@ProcessingGroup(DeploymentHistoryProjection.NAME)
public class DeploymentHistoryProjection {
    public static final String NAME = "deployments";
    /** The tables of this read model, by their reader-facing names. */
    public static final List<String> TABLES = List.of("rm_deployment", "rm_running");
    private static final String NOT_TERMINAL = " AND state NOT IN ('SUCCEEDED','FAILED','CANCELED','ROLLED_BACK')";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final GenerationTarget target;

    public DeploymentHistoryProjection(JdbcTemplate jdbc, ObjectMapper json, GenerationTarget target) {
        this.jdbc = jdbc;
        this.json = json;
        this.target = target;
    }

    @EventHandler
    void on(DeploymentAccepted e, TrackedEventMessage<?> message) {
        Tables t = tables(message);
        if (t == null) {
            return;
        }
        jdbc.update("INSERT INTO " + t.deployment + """
                         (id, service, environment, version, source_environment, recipe_id,
                            recipe_revision, effective_behavior_summary, state, deployment_kind, change_summary,
                            created_at, updated_at, rollback_of, delivery_group_id, failures, actor_id, event_index)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?, ?, ?, '[]', ?, ?)
                        ON CONFLICT DO NOTHING""",
                e.deploymentId(), e.service(), e.environment(), e.version(), e.sourceEnvironment(), e.recipeId(),
                e.recipeRevision(), e.effectiveBehaviorSummary(), e.deploymentKind().name(), e.changeSummary(),
                toSql(e.createdAt()), toSql(e.createdAt()), e.rollbackOf(), e.deliveryGroupId(),
                e.actor() == null ? null : e.actor().actorId(), GenerationTarget.position(message));
    }

    @EventHandler
    void on(EngineExecutionStarted e, TrackedEventMessage<?> message) {
        Tables t = tables(message);
        if (t == null) {
            return;
        }
        jdbc.update("UPDATE " + t.deployment + " SET engine_execution_id = ?, engine_execution_url = ?, updated_at = ? "
                        + "WHERE id = ?" + NOT_TERMINAL,
                e.executionId(), e.executionUrl(), toSql(e.at()), e.deploymentId());
    }

    @EventHandler
    void on(DeploymentProgressed e, TrackedEventMessage<?> message) {
        changeState(tables(message), e.deploymentId(), e.state(), e.at(), null);
    }

    @EventHandler
    void on(DeploymentSucceeded e, TrackedEventMessage<?> message) {
        Tables t = tables(message);
        if (changeState(t, e.deploymentId(), DeploymentState.SUCCEEDED, e.at(), null) == 0) {
            return;
        }
        List<Row> rows = jdbc.query("SELECT service, environment, version, deployment_kind, created_at, rollback_of "
                + "FROM " + t.deployment + " WHERE id = ?", (rs, i) -> new Row(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), SqlTime.read(rs, "created_at"),
                rs.getString(6)), e.deploymentId());
        if (rows.isEmpty()) {
            return;
        }
        Row row = rows.get(0);
        if (row.rollbackOf() != null) {
            jdbc.update("UPDATE " + t.deployment + " SET rolled_back_by = ? WHERE id = ? AND rolled_back_by IS NULL",
                    e.deploymentId(), row.rollbackOf());
        }
        moveRunningIfNewer(t, e.deploymentId(), row);
    }

    @EventHandler
    void on(DeploymentFailed e, TrackedEventMessage<?> message) throws JsonProcessingException {
        changeState(tables(message), e.deploymentId(), DeploymentState.FAILED, e.at(), json.writeValueAsString(e.failures()));
    }

    @EventHandler
    void on(DeploymentCanceled e, TrackedEventMessage<?> message) {
        changeState(tables(message), e.deploymentId(), DeploymentState.CANCELED, e.at(), null);
    }

    @EventHandler
    void on(DeploymentRolledBackByEngine e, TrackedEventMessage<?> message) {
        changeState(tables(message), e.deploymentId(), DeploymentState.ROLLED_BACK, e.at(), null);
    }

    @ResetHandler
    void reset() {
        Tables t = new Tables(target.current());
        jdbc.update("DELETE FROM " + t.running);
        jdbc.update("DELETE FROM " + t.deployment);
    }

    /** The tables this event goes to, or null when the generation already has it. */
    private Tables tables(TrackedEventMessage<?> message) {
        Generation generation = target.forEvent(message);
        return generation == null ? null : new Tables(generation);
    }

    /** Terminal rows are never changed again; answers how many rows changed (0 when the event is skipped). */
    private int changeState(Tables t, String id, DeploymentState state, Instant at, String failures) {
        if (t == null) {
            return 0;
        }
        if (failures != null) {
            return jdbc.update("UPDATE " + t.deployment + " SET state = ?, updated_at = ?, failures = ? WHERE id = ?"
                    + NOT_TERMINAL, state.name(), toSql(at), failures, id);
        }
        return jdbc.update("UPDATE " + t.deployment + " SET state = ?, updated_at = ? WHERE id = ?" + NOT_TERMINAL,
                state.name(), toSql(at), id);
    }

    /** History order is (createdAt desc, id desc): a success created later replaces the running one. */
    private void moveRunningIfNewer(Tables t, String id, Row row) {
        List<Object[]> current = jdbc.query("SELECT deployment_id, created_at FROM " + t.running
                        + " WHERE service = ? AND environment = ?",
                (rs, i) -> new Object[]{rs.getString(1), SqlTime.read(rs, "created_at")},
                row.service(), row.environment());
        if (current.isEmpty()) {
            jdbc.update("INSERT INTO " + t.running + " (service, environment, deployment_id, version, deployment_kind, "
                            + "created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", row.service(),
                    row.environment(), id, row.version(), row.kind(), toSql(row.createdAt()));
            return;
        }
        String runningId = (String) current.get(0)[0];
        Instant runningCreated = (Instant) current.get(0)[1];
        int order = row.createdAt().compareTo(runningCreated);
        if (order > 0 || order == 0 && id.compareTo(runningId) > 0) {
            jdbc.update("UPDATE " + t.running + " SET deployment_id = ?, version = ?, deployment_kind = ?, created_at = ? "
                            + "WHERE service = ? AND environment = ?", id, row.version(), row.kind(),
                    toSql(row.createdAt()), row.service(), row.environment());
        }
    }

    /** The physical tables of one generation. */
    private static final class Tables {
        final String deployment;
        final String running;

        Tables(Generation generation) {
            deployment = generation.table("rm_deployment");
            running = generation.table("rm_running");
        }
    }

    private record Row(String service, String environment, String version, String kind, Instant createdAt,
                       String rollbackOf) {
    }
}
