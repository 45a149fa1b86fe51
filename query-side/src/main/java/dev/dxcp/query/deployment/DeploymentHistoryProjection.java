package dev.dxcp.query.deployment;

import dev.dxcp.events.common.Timestamps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequested;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApproved;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentProgressed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentRolledBackByEngine;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.query.operations.Generation;
import dev.dxcp.query.operations.GenerationTarget;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Deployment history and current running state. Every change is keyed and guarded so that replaying
 * an event leaves the tables as they were: a record is created once, a terminal state is never
 * overwritten (governance §10), and the running row moves only to a success that is newer in history
 * order (domain §6, §7). Rows are changed in memory per batch of events and written back in JDBC batches
 * ({@link HistoryBatch}), to the generation the target names for the event (the active one live, the new
 * one during a rebuild); readers use the views over the active generation.
 */
@ProcessingGroup(DeploymentHistoryProjection.NAME)
public class DeploymentHistoryProjection {
    public static final String NAME = "deployments";
    /** The tables of this read model, by their reader-facing names. */
    public static final List<String> TABLES = List.of("rm_deployment", "rm_running");
    static final Set<Class<?>> HANDLED = Set.of(DeploymentAccepted.class, EngineExecutionStarted.class,
            ApprovalRequested.class, DeploymentApproved.class, DeploymentProgressed.class, DeploymentSucceeded.class, DeploymentFailed.class, DeploymentCanceled.class,
            DeploymentRolledBackByEngine.class);

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
        HistoryBatch batch = batch(message);
        if (batch != null && batch.find(e.deploymentId()) == null) {
            batch.add(DeploymentRow.accepted(e, GenerationTarget.position(message)));
        }
        done(batch);
    }

    @EventHandler
    void on(EngineExecutionStarted e, TrackedEventMessage<?> message) {
        HistoryBatch batch = batch(message);
        DeploymentRow row = batch == null ? null : batch.find(e.deploymentId());
        if (row != null && !row.terminal()) {
            row.engineExecutionId = e.executionId();
            row.engineExecutionUrl = e.executionUrl();
            row.updatedAt = Timestamps.truncate(e.at());
            row.changed = true;
        }
        done(batch);
    }

    /** docs/GOVERNANCE.md "Approvals": accepted, waiting for approval before the engine starts. */
    @EventHandler
    void on(ApprovalRequested e, TrackedEventMessage<?> message) {
        changeState(message, e.deploymentId(), DeploymentState.PENDING_APPROVAL, e.at(), null);
    }

    @EventHandler
    void on(DeploymentApproved e, TrackedEventMessage<?> message) {
        changeState(message, e.deploymentId(), DeploymentState.IN_PROGRESS, e.at(), null);
    }

    @EventHandler
    void on(DeploymentProgressed e, TrackedEventMessage<?> message) {
        changeState(message, e.deploymentId(), e.state(), e.at(), null);
    }

    @EventHandler
    void on(DeploymentSucceeded e, TrackedEventMessage<?> message) {
        HistoryBatch batch = batch(message);
        DeploymentRow row = changeState(batch, e.deploymentId(), DeploymentState.SUCCEEDED, e.at(), null);
        if (row != null) {
            if (row.rollbackOf != null) {
                DeploymentRow target = batch.find(row.rollbackOf);
                if (target != null && target.rolledBackBy == null) {
                    target.rolledBackBy = row.id;
                    target.changed = true;
                }
            }
            moveRunningIfNewer(batch, row);
        }
        done(batch);
    }

    @EventHandler
    void on(DeploymentFailed e, TrackedEventMessage<?> message) throws JsonProcessingException {
        changeState(message, e.deploymentId(), DeploymentState.FAILED, e.at(), json.writeValueAsString(e.failures()));
    }

    @EventHandler
    void on(DeploymentCanceled e, TrackedEventMessage<?> message) {
        changeState(message, e.deploymentId(), DeploymentState.CANCELED, e.at(), null);
    }

    @EventHandler
    void on(DeploymentRolledBackByEngine e, TrackedEventMessage<?> message) {
        changeState(message, e.deploymentId(), DeploymentState.ROLLED_BACK, e.at(), null);
    }

    @ResetHandler
    void reset() {
        Generation generation = target.startingOver();
        jdbc.update("DELETE FROM " + generation.table("rm_running"));
        jdbc.update("DELETE FROM " + generation.table("rm_deployment"));
    }

    /** The batch this event is written in, or null when the generation already has the event. */
    private HistoryBatch batch(TrackedEventMessage<?> message) {
        Generation generation = target.forEvent(message);
        return generation == null ? null : HistoryBatch.current(jdbc, generation, message);
    }

    private static void done(HistoryBatch batch) {
        if (batch != null) {
            batch.done();
        }
    }

    private void changeState(TrackedEventMessage<?> message, String id, DeploymentState state, Instant at,
                             String failures) {
        HistoryBatch batch = batch(message);
        changeState(batch, id, state, at, failures);
        done(batch);
    }

    /** Terminal rows are never changed again; answers the changed row, or null when nothing changed. */
    private static DeploymentRow changeState(HistoryBatch batch, String id, DeploymentState state, Instant at,
                                             String failures) {
        DeploymentRow row = batch == null ? null : batch.find(id);
        if (row == null || row.terminal()) {
            return null;
        }
        row.state = state.name();
        row.updatedAt = Timestamps.truncate(at);
        if (failures != null) {
            row.failures = failures;
        }
        row.changed = true;
        return row;
    }

    /** History order is (createdAt desc, id desc): a success created later replaces the running one. */
    private static void moveRunningIfNewer(HistoryBatch batch, DeploymentRow row) {
        RunningRow running = batch.running(row.service, row.environment);
        if (running.deploymentId != null
                && !HistoryOrder.isNewer(row.createdAt, row.id, running.createdAt, running.deploymentId)) {
            return;
        }
        running.deploymentId = row.id;
        running.version = row.version;
        running.deploymentKind = row.deploymentKind;
        running.createdAt = row.createdAt;
        running.changed = true;
    }
}
