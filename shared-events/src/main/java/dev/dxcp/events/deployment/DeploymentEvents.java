package dev.dxcp.events.deployment;

import dev.dxcp.events.common.IdempotencyKeyUse;
import org.axonframework.serialization.Revision;

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
     * state IN_PROGRESS; the saga takes it to the engine. Revision 2 groups the facts in small values (no
     * revision: 23 flat fields, turned into these by an upcaster when read).
     */
    @Revision("2")
    public record DeploymentAccepted(String deploymentId, Placement placement, Change change, RecipeUse recipe,
                                     Artifact artifact, EngineTarget engine, Submission submission,
                                     PolicySnapshot policy) {

        /** Where: a service in an environment of its delivery group, and the lane it took a place in. */
        public record Placement(String service, String environment, String deliveryGroupId, String laneId) {
        }

        /**
         * What: the kind and the version the service runs once done.
         *
         * @param sourceEnvironment promotions: where the version succeeded
         * @param rollbackOf        rollbacks: the record rolled back
         * @param targetVersion     rollbacks: the version returned to
         */
        public record Change(DeploymentKind kind, String version, String changeSummary, String sourceEnvironment,
                             String rollbackOf, String targetVersion) {
        }

        /** How: the recipe as it was at acceptance. */
        public record RecipeUse(String id, int revision, String effectiveBehaviorSummary) {
        }

        /**
         * Which bytes: the registered build's artifact (deploys), or the rollback target's when known; the
         * ETag the store gave the measured object (null for builds registered before it was kept).
         */
        public record Artifact(String artifactRef, String sha256, Long sizeBytes, String eTag) {
            public Artifact(String artifactRef, String sha256, Long sizeBytes) {
                this(artifactRef, sha256, sizeBytes, null);
            }
        }

        /**
         * Who and when (governance §10, protected): the actor snapshot, the moment, and the Idempotency-Key
         * the request came with; the key's remembered answer is withdrawn if the engine refuses.
         */
        public record Submission(Instant createdAt, ActorIdentity actor, IdempotencyKeyUse idempotency) {
        }

        public String service() {
            return placement.service();
        }

        public String environment() {
            return placement.environment();
        }

        public String deliveryGroupId() {
            return placement.deliveryGroupId();
        }

        public String laneId() {
            return placement.laneId();
        }

        public DeploymentKind deploymentKind() {
            return change.kind();
        }

        public String version() {
            return change.version();
        }

        public String changeSummary() {
            return change.changeSummary();
        }

        public String sourceEnvironment() {
            return change.sourceEnvironment();
        }

        public String rollbackOf() {
            return change.rollbackOf();
        }

        public String targetVersion() {
            return change.targetVersion();
        }

        public String recipeId() {
            return recipe.id();
        }

        public int recipeRevision() {
            return recipe.revision();
        }

        public String effectiveBehaviorSummary() {
            return recipe.effectiveBehaviorSummary();
        }

        public String artifactRef() {
            return artifact.artifactRef();
        }

        public Instant createdAt() {
            return submission.createdAt();
        }

        public ActorIdentity actor() {
            return submission.actor();
        }

        /** The client's Idempotency-Key (governance §10 intentCorrelationId), or null. */
        public String idempotencyKey() {
            return submission.idempotency() == null ? null : submission.idempotency().key();
        }
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
