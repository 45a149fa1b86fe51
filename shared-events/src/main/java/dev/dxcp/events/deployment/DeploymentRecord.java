package dev.dxcp.events.deployment;

import java.time.Instant;
import java.util.List;

/**
 * The normalized record of an attempted deployment (seed 002 DeploymentRecord, domain §1), as the
 * read side knows it. {@code outcome} is the displayed outcome derived at read time (domain §5);
 * engine execution id and URL are admin-only on the wire.
 */
public record DeploymentRecord(String id, String service, String environment, String version,
                               String sourceEnvironment, String recipeId, int recipeRevision,
                               String effectiveBehaviorSummary, DeploymentState state,
                               DeploymentKind deploymentKind, String outcome, String changeSummary,
                               Instant createdAt, Instant updatedAt, String rollbackOf, String deliveryGroupId,
                               String engineExecutionId, String engineExecutionUrl, List<FailureModel> failures) {
    public DeploymentRecord {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** The same record in another state (a deployment accepted to wait for approval). */
    public DeploymentRecord inState(DeploymentState next) {
        return new DeploymentRecord(id, service, environment, version, sourceEnvironment, recipeId, recipeRevision,
                effectiveBehaviorSummary, next, deploymentKind, outcome, changeSummary, createdAt, updatedAt,
                rollbackOf, deliveryGroupId, engineExecutionId, engineExecutionUrl, failures);
    }

    /**
     * A record as its acceptance creates it: IN_PROGRESS, no outcome, no failures, updated when created
     * (domain §2).
     */
    public static DeploymentRecord initialOf(DeploymentEvents.DeploymentAccepted a) {
        return new DeploymentRecord(a.deploymentId(), a.service(), a.environment(), a.version(),
                a.sourceEnvironment(), a.recipeId(), a.recipeRevision(), a.effectiveBehaviorSummary(),
                DeploymentState.IN_PROGRESS, a.deploymentKind(), null, a.changeSummary(), a.createdAt(),
                a.createdAt(), a.rollbackOf(), a.deliveryGroupId(), null, null, List.of());
    }
}
