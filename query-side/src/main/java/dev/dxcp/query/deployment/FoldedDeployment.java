package dev.dxcp.query.deployment;

import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentProgressed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentRolledBackByEngine;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.FailureModel;

import java.time.Instant;
import java.util.List;

/**
 * One deployment record as its own events leave it: exactly the row {@code DeploymentHistoryProjection}
 * writes for the same events. Each branch of {@link #apply} mirrors one projection handler, including
 * its guard that a terminal record never changes again (governance §10). Times go through
 * {@link EventTime} so they carry the microsecond the read model stores.
 */
public record FoldedDeployment(DeploymentAccepted accepted, DeploymentState state, Instant updatedAt,
                               String engineExecutionId, String engineExecutionUrl, List<FailureModel> failures) {
    public FoldedDeployment {
        failures = List.copyOf(failures);
    }

    /** A record exists from its acceptance on, IN_PROGRESS, updated when created (domain §2). */
    public static FoldedDeployment accepted(DeploymentAccepted e) {
        return new FoldedDeployment(e, DeploymentState.IN_PROGRESS, EventTime.of(e), null, null, List.of());
    }

    public String id() {
        return accepted.deploymentId();
    }

    public Instant createdAt() {
        return EventTime.of(accepted);
    }

    /** The record after one more of its events; anything that is not a change of the record leaves it as it was. */
    public FoldedDeployment apply(Object event) {
        if (state.terminal()) {
            return this;
        }
        Instant at = EventTime.of(event);
        if (event instanceof EngineExecutionStarted e) {
            return new FoldedDeployment(accepted, state, at, e.executionId(), e.executionUrl(), failures);
        }
        if (event instanceof DeploymentProgressed e) {
            return moved(e.state(), at, failures);
        }
        if (event instanceof DeploymentSucceeded) {
            return moved(DeploymentState.SUCCEEDED, at, failures);
        }
        if (event instanceof DeploymentFailed e) {
            return moved(DeploymentState.FAILED, at, e.failures() == null ? List.of() : e.failures());
        }
        if (event instanceof DeploymentCanceled) {
            return moved(DeploymentState.CANCELED, at, failures);
        }
        if (event instanceof DeploymentRolledBackByEngine) {
            return moved(DeploymentState.ROLLED_BACK, at, failures);
        }
        return this;
    }

    /** The public record, with the outcome derived against its scope (see {@link ScopeHistory}). */
    public DeploymentRecord toRecord(String outcome) {
        DeploymentAccepted a = accepted;
        return new DeploymentRecord(a.deploymentId(), a.service(), a.environment(), a.version(),
                a.sourceEnvironment(), a.recipeId(), a.recipeRevision(), a.effectiveBehaviorSummary(), state,
                a.deploymentKind(), outcome, a.changeSummary(), createdAt(), updatedAt, a.rollbackOf(),
                a.deliveryGroupId(), engineExecutionId, engineExecutionUrl, failures);
    }

    private FoldedDeployment moved(DeploymentState next, Instant at, List<FailureModel> nextFailures) {
        return new FoldedDeployment(accepted, next, at, engineExecutionId, engineExecutionUrl, nextFailures);
    }
}
