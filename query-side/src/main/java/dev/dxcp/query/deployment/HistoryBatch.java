package dev.dxcp.query.deployment;

import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentProgressed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentRolledBackByEngine;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.query.common.ProjectionEventFailure;
import dev.dxcp.query.common.SqlTime;
import dev.dxcp.query.operations.Generation;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.dxcp.query.common.SqlTime.toSql;

/**
 * The deployment history rows one batch of events touches. Rows are read once per batch (one query for
 * every deployment the batch names), changed in memory by the projection's rules, and written back just
 * before the batch commits as a few JDBC batches: a handful of round trips per hundred events instead of
 * several per event. Only one processor writes a generation at a time, so nothing else changes these rows
 * meanwhile. Outside a unit of work every event is its own batch.
 */
final class HistoryBatch {
    private static final String COLUMNS = "id, service, environment, version, deployment_kind, created_at, "
            + "rollback_of, state, updated_at, failures, engine_execution_id, engine_execution_url, rolled_back_by";

    private final JdbcTemplate jdbc;
    private final String deploymentTable;
    private final String runningTable;
    private final List<EventMessage<?>> batchEvents;
    private final Map<String, DeploymentRow> rows = new LinkedHashMap<>();
    private final Set<String> absent = new java.util.HashSet<>();
    private final Map<String, RunningRow> running = new HashMap<>();
    private EventMessage<?> lastEvent;
    private boolean prefetched;
    private boolean runningPrefetched;

    private HistoryBatch(JdbcTemplate jdbc, Generation generation, List<EventMessage<?>> batchEvents) {
        this.jdbc = jdbc;
        this.deploymentTable = generation.table("rm_deployment");
        this.runningTable = generation.table("rm_running");
        this.batchEvents = batchEvents;
    }

    /** The batch of the current unit of work (flushed when it commits), or a single-event batch. */
    static HistoryBatch current(JdbcTemplate jdbc, Generation generation, EventMessage<?> event) {
        if (!CurrentUnitOfWork.isStarted()) {
            HistoryBatch single = new HistoryBatch(jdbc, generation, List.of(event));
            single.lastEvent = event;
            return single;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        HistoryBatch batch = unit.getOrComputeResource("dxcp.history." + generation.number(), key -> {
            List<EventMessage<?>> events = new ArrayList<>();
            if (unit instanceof BatchingUnitOfWork<?> batching) {
                batching.getMessages().forEach(m -> events.add((EventMessage<?>) m));
            } else {
                events.add(event);
            }
            HistoryBatch fresh = new HistoryBatch(jdbc, generation, events);
            unit.onPrepareCommit(u -> fresh.flush());
            return fresh;
        });
        batch.lastEvent = event;
        return batch;
    }

    /** Outside a unit of work the event is its own batch: written at once. */
    void done() {
        if (!CurrentUnitOfWork.isStarted()) {
            flush();
        }
    }

    DeploymentRow find(String id) {
        prefetch();
        DeploymentRow row = rows.get(id);
        if (row == null && !absent.contains(id)) {
            load(List.of(id));
            row = rows.get(id);
        }
        return row;
    }

    void add(DeploymentRow row) {
        rows.put(row.id, row);
        absent.remove(row.id);
    }

    RunningRow running(String service, String environment) {
        prefetchRunning();
        String key = service + "\u0000" + environment;
        RunningRow row = running.get(key);
        if (row == null) {
            row = jdbc.query("SELECT * FROM " + runningTable + " WHERE service = ? AND environment = ?",
                    (rs, i) -> runningRow(rs), service, environment).stream().findFirst()
                    .orElse(new RunningRow(service, environment, false));
            running.put(key, row);
        }
        return row;
    }

    /** Writes every change of the batch: new rows in their final state, then changed rows, then running. */
    void flush() {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (DeploymentRow row : rows.values()) {
            if (row.isNew()) {
                inserts.add(insertArgs(row));
            } else if (row.changed) {
                updates.add(new Object[]{row.state, toSql(row.updatedAt), row.failures, row.engineExecutionId,
                        row.engineExecutionUrl, row.rolledBackBy, row.id});
            }
        }
        List<Object[]> newRunning = new ArrayList<>();
        List<Object[]> changedRunning = new ArrayList<>();
        for (RunningRow row : running.values()) {
            if (row.changed && !row.stored) {
                newRunning.add(new Object[]{row.service, row.environment, row.deploymentId, row.version,
                        row.deploymentKind, toSql(row.createdAt)});
            } else if (row.changed) {
                changedRunning.add(new Object[]{row.deploymentId, row.version, row.deploymentKind,
                        toSql(row.createdAt), row.service, row.environment});
            }
        }
        try {
            batch("INSERT INTO " + deploymentTable + """
                     (id, service, environment, version, source_environment, recipe_id,
                        recipe_revision, effective_behavior_summary, state, deployment_kind, change_summary,
                        created_at, updated_at, rollback_of, delivery_group_id, failures, actor_id, event_index,
                        engine_execution_id, engine_execution_url, rolled_back_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""", inserts);
            batch("UPDATE " + deploymentTable + " SET state = ?, updated_at = ?, failures = ?, "
                    + "engine_execution_id = ?, engine_execution_url = ?, rolled_back_by = ? WHERE id = ?", updates);
            batch("INSERT INTO " + runningTable + " (service, environment, deployment_id, version, deployment_kind, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", newRunning);
            batch("UPDATE " + runningTable + " SET deployment_id = ?, version = ?, deployment_kind = ?, created_at = ? "
                    + "WHERE service = ? AND environment = ?", changedRunning);
        } catch (RuntimeException e) {
            // Rows of a batch are written together: the event named is the last one the batch applied.
            throw ProjectionEventFailure.of(lastEvent, e);
        }
        rows.clear();
        running.clear();
        absent.clear();
        prefetched = false;
        runningPrefetched = false;
    }

    private void batch(String sql, List<Object[]> args) {
        if (!args.isEmpty()) {
            jdbc.batchUpdate(sql, args);
        }
    }

    private static Object[] insertArgs(DeploymentRow row) {
        DeploymentAccepted e = row.accepted;
        return new Object[]{row.id, row.service, row.environment, row.version, e.sourceEnvironment(), e.recipeId(),
                e.recipeRevision(), e.effectiveBehaviorSummary(), row.state, row.deploymentKind, e.changeSummary(),
                toSql(row.createdAt), toSql(row.updatedAt), row.rollbackOf, e.deliveryGroupId(), row.failures,
                e.actor() == null ? null : e.actor().actorId(), row.eventIndex, row.engineExecutionId,
                row.engineExecutionUrl, row.rolledBackBy};
    }

    /** One query for the running rows of every scope the batch's deployments belong to. */
    private void prefetchRunning() {
        if (runningPrefetched) {
            return;
        }
        runningPrefetched = true;
        Set<String> services = new LinkedHashSet<>();
        Set<String> scopes = new LinkedHashSet<>();
        for (DeploymentRow row : rows.values()) {
            services.add(row.service);
            scopes.add(row.service + "\u0000" + row.environment);
        }
        if (services.isEmpty()) {
            return;
        }
        String marks = String.join(", ", Collections.nCopies(services.size(), "?"));
        for (RunningRow row : jdbc.query("SELECT * FROM " + runningTable + " WHERE service IN (" + marks + ")",
                (rs, i) -> runningRow(rs), services.toArray())) {
            running.put(row.service + "\u0000" + row.environment, row);
        }
        for (String scope : scopes) {
            if (!running.containsKey(scope)) {
                String[] parts = scope.split("\u0000", 2);
                running.put(scope, new RunningRow(parts[0], parts[1], false));
            }
        }
    }

    /** One query for every deployment the batch's events name. */
    private void prefetch() {
        if (prefetched) {
            return;
        }
        prefetched = true;
        Set<String> ids = new LinkedHashSet<>();
        for (EventMessage<?> event : batchEvents) {
            String id = deploymentIdOf(event);
            if (id != null && !rows.containsKey(id)) {
                ids.add(id);
            }
        }
        if (!ids.isEmpty()) {
            load(List.copyOf(ids));
        }
    }

    private void load(List<String> ids) {
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        List<DeploymentRow> found = jdbc.query("SELECT " + COLUMNS + " FROM " + deploymentTable + " WHERE id IN ("
                + marks + ")", (rs, i) -> storedRow(rs), ids.toArray());
        found.forEach(row -> rows.putIfAbsent(row.id, row));
        ids.stream().filter(id -> !rows.containsKey(id)).forEach(absent::add);
    }

    /** The record an event of this projection changes, read without deserializing any other event. */
    private static String deploymentIdOf(EventMessage<?> event) {
        if (!DeploymentHistoryProjection.HANDLED.contains(event.getPayloadType())) {
            return null;
        }
        Object payload = event.getPayload();
        if (payload instanceof DeploymentAccepted e) {
            return e.deploymentId();
        } else if (payload instanceof EngineExecutionStarted e) {
            return e.deploymentId();
        } else if (payload instanceof DeploymentProgressed e) {
            return e.deploymentId();
        } else if (payload instanceof DeploymentSucceeded e) {
            return e.deploymentId();
        } else if (payload instanceof DeploymentFailed e) {
            return e.deploymentId();
        } else if (payload instanceof DeploymentCanceled e) {
            return e.deploymentId();
        } else if (payload instanceof DeploymentRolledBackByEngine e) {
            return e.deploymentId();
        }
        return null;
    }

    private static DeploymentRow storedRow(ResultSet rs) throws SQLException {
        DeploymentRow row = new DeploymentRow(rs.getString("id"), rs.getString("service"), rs.getString("environment"),
                rs.getString("version"), rs.getString("deployment_kind"), SqlTime.read(rs, "created_at"),
                rs.getString("rollback_of"), null, -1);
        row.state = rs.getString("state");
        row.updatedAt = SqlTime.read(rs, "updated_at");
        row.failures = rs.getString("failures");
        row.engineExecutionId = rs.getString("engine_execution_id");
        row.engineExecutionUrl = rs.getString("engine_execution_url");
        row.rolledBackBy = rs.getString("rolled_back_by");
        return row;
    }

    private static RunningRow runningRow(ResultSet rs) throws SQLException {
        RunningRow row = new RunningRow(rs.getString("service"), rs.getString("environment"), true);
        row.deploymentId = rs.getString("deployment_id");
        row.version = rs.getString("version");
        row.deploymentKind = rs.getString("deployment_kind");
        row.createdAt = SqlTime.read(rs, "created_at");
        return row;
    }
}
