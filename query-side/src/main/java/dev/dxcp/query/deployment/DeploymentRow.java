package dev.dxcp.query.deployment;

import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentState;

import java.time.Instant;

/**
 * One rm_deployment row while a batch of events changes it. The identity and intent columns are fixed
 * at acceptance; only state, times, engine execution, failures and the rollback link ever change.
 */
final class DeploymentRow {
    final String id;
    final String service;
    final String environment;
    final String version;
    final String deploymentKind;
    final Instant createdAt;
    final String rollbackOf;
    /** The acceptance event, for new rows only (their insert needs every column). */
    final DeploymentAccepted accepted;
    final long eventIndex;
    String state;
    Instant updatedAt;
    String failures;
    String engineExecutionId;
    String engineExecutionUrl;
    String rolledBackBy;
    boolean changed;

    DeploymentRow(String id, String service, String environment, String version, String deploymentKind,
                  Instant createdAt, String rollbackOf, DeploymentAccepted accepted, long eventIndex) {
        this.id = id;
        this.service = service;
        this.environment = environment;
        this.version = version;
        this.deploymentKind = deploymentKind;
        this.createdAt = createdAt;
        this.rollbackOf = rollbackOf;
        this.accepted = accepted;
        this.eventIndex = eventIndex;
    }

    static DeploymentRow accepted(DeploymentAccepted e, long eventIndex) {
        DeploymentRow row = new DeploymentRow(e.deploymentId(), e.service(), e.environment(), e.version(),
                e.deploymentKind().name(), Timestamps.truncate(e.createdAt()), e.rollbackOf(), e, eventIndex);
        row.state = DeploymentState.IN_PROGRESS.name();
        row.updatedAt = row.createdAt;
        row.failures = "[]";
        return row;
    }

    boolean terminal() {
        return DeploymentState.valueOf(state).terminal();
    }

    boolean isNew() {
        return accepted != null;
    }
}
