package dev.dxcp.events.deployment;

import java.time.Instant;
import java.util.List;

/**
 * Facts about deployments. A {@code Deployment} aggregate (id = the record id) owns each record's life;
 * a {@code DeliveryLane} aggregate per (delivery group, environment) owns concurrency and daily quotas.
 * The engine saga attaches to these events without changing them.
 */
public final class DeploymentEvents {
    private DeploymentEvents() {
    }

    /**
     * An intent passed every guardrail and took a place in its lane. The record exists from here, in
     * state IN_PROGRESS; the saga takes it to the engine.
     *
     * @param artifactRef   the registered build's artifact (deploys), or the rollback target's when known
     * @param targetVersion    the version a rollback returns to; null for deploys
     * @param idempotencyScope the scope the 201 was remembered under; withdrawn if the engine refuses
     */
    public record DeploymentAccepted(String deploymentId, String service, String environment, String version,
                                     String recipeId, int recipeRevision, String effectiveBehaviorSummary,
                                     DeploymentKind deploymentKind, String rollbackOf, String sourceEnvironment,
                                     String changeSummary, String deliveryGroupId, String laneId, Instant createdAt,
                                     String intentCorrelationId, ActorIdentity actor, PolicySnapshot policy,
                                     EngineTarget engine, String artifactRef, String targetVersion,
                                     String buildSha256, Long buildSizeBytes, String idempotencyScope) {
    }

    /** The engine accepted the trigger and named its execution. */
    public record EngineExecutionStarted(String deploymentId, String executionId, String executionUrl, Instant at) {
    }

    /**
     * The engine refused to start the deployment, or its artifact failed the pre-trigger checks; the
     * code is what the synchronous answer to the deploy request carries (domain §16).
     */
    public record EngineTriggerRefused(String deploymentId, String code, int httpStatus, String message,
                                       String operatorHint, java.util.Map<String, Object> details, Instant at) {
    }

    /** The engine reported a non-terminal state (PENDING, ACTIVE or IN_PROGRESS). */
    public record DeploymentProgressed(String deploymentId, DeploymentState state, Instant at) {
    }

    public record DeploymentSucceeded(String deploymentId, Instant at) {
    }

    /** Failed, with exactly the normalized failures (domain §9); also used when a stale lock is reaped. */
    public record DeploymentFailed(String deploymentId, List<FailureModel> failures, Instant at) {
    }

    public record DeploymentCanceled(String deploymentId, Instant at) {
    }

    /** The engine itself reported the execution as rolled back (domain §3). */
    public record DeploymentRolledBackByEngine(String deploymentId, Instant at) {
    }

    /**
     * A deploy or rollback refused by policy (governance §14 DEPLOY_DENIED / rollback denials). Not part
     * of any aggregate: it records a decision that changed nothing.
     *
     * @param targetDeploymentId for rollbacks, the record asked to be rolled back
     */
    public record DeploymentDenied(String service, String environment, String deliveryGroupId,
                                   DeploymentKind deploymentKind, String targetDeploymentId, String code,
                                   String message, Instant at) {
    }

    /** One unit of a lane's daily deploy or rollback quota was used (counted even if admission then fails). */
    public record LaneQuotaConsumed(String laneId, DeploymentKind deploymentKind, java.time.LocalDate day, int used) {
    }

    /** A deployment took one of the lane's concurrent places. */
    public record DeploymentAdmitted(String laneId, String deploymentId, Instant at) {
    }

    /** A deployment gave its place back: it reached a terminal state, or was reaped. */
    public record DeploymentReleased(String laneId, String deploymentId, Instant at) {
    }
}
