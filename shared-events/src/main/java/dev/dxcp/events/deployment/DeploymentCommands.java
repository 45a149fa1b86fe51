package dev.dxcp.events.deployment;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.governance.FreezeInForce;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Deployment commands. The first group are decisions over several aggregates (idempotency key, lane,
 * build version, deployment) taken by a coordinating handler in one unit of work; the rest address a
 * single {@code Deployment} or {@code DeliveryLane} aggregate.
 */
public final class DeploymentCommands {
    private DeploymentCommands() {
    }

    public static String laneId(String deliveryGroupId, String environment) {
        return "lane/" + deliveryGroupId + "/" + environment;
    }

    // ---- decisions (coordinating handlers) ----

    /**
     * A request that rolls a registered build forward into an environment (a deploy, or a promotion into
     * its target): what governance §5 steps 12–16 need once the request's own checks passed.
     */
    public interface RollForwardRequest {
        IdempotencyKeyUse idempotency();

        String fingerprint();

        /** The id the record gets if the request is admitted. */
        String deploymentId();

        ActorIdentity actor();

        Instant requestedAt();

        /** A platform admin's reason to go through a freeze window, or null (docs/GOVERNANCE.md). */
        String freezeOverride();
    }

    /** POST /v1/deployments after the edge checks (governance §5 steps 6–16). */
    public record SubmitDeployment(IdempotencyKeyUse idempotency, String fingerprint, String deploymentId,
                                   DeploymentIntent intent, ActorIdentity actor, Instant requestedAt,
                                   String freezeOverride)
            implements RollForwardRequest {
        public SubmitDeployment(IdempotencyKeyUse idempotency, String fingerprint, String deploymentId,
                                DeploymentIntent intent, ActorIdentity actor, Instant requestedAt) {
            this(idempotency, fingerprint, deploymentId, intent, actor, requestedAt, null);
        }
    }

    /** POST /v1/deployments/{id}/rollback after the edge checks (governance §5, rollback; §11). */
    public record RequestRollback(IdempotencyKeyUse idempotency, String deploymentId, String targetDeploymentId,
                                  ActorIdentity actor, Instant requestedAt, String freezeOverride) {
        public RequestRollback(IdempotencyKeyUse idempotency, String deploymentId, String targetDeploymentId,
                               ActorIdentity actor, Instant requestedAt) {
            this(idempotency, deploymentId, targetDeploymentId, actor, requestedAt, null);
        }
    }

    /**
     * POST /v1/deployments/validate: every check of a deploy, consuming nothing (api-contract §5), for this
     * caller (owner-scoped changes, a freeze override: docs/GOVERNANCE.md).
     */
    public record ValidateDeployment(DeploymentIntent intent, ActorIdentity actor, String freezeOverride,
                                     Instant requestedAt) {
    }

    /** POST /v1/policy/summary: group, recipe and policy for a service and environment, no version. */
    public record SummarizePolicy(String service, String environment, String recipeId, Instant requestedAt) {
    }

    /**
     * What the engine (or the stale-lock reaper) says about a deployment. Applied to the deployment and,
     * on a terminal state, releases its lane place in the same unit of work.
     */
    public record RecordEngineObservation(String deploymentId, DeploymentState state, List<FailureModel> failures,
                                          Instant at) {
    }

    /**
     * A refusal decided at the edge, before the intent could be evaluated (kill switch, missing key):
     * still recorded as a denial (governance §14).
     */
    public record RecordDeploymentDenial(DeploymentKind deploymentKind, String service, String environment,
                                         String targetDeploymentId, ErrorCode code, String message, Instant at) {
    }

    /**
     * The engine refused the trigger (or the artifact failed its checks): the deployment fails with the
     * normalized failure, its lane place is released and its remembered 201 withdrawn, so that a retry
     * under the same key runs again (governance §6: errors are not stored).
     */
    public record RecordEngineTriggerRefusal(String deploymentId, ErrorCode code, String message,
                                             String operatorHint, java.util.Map<String, Object> details,
                                             FailureModel failure, Instant at) {
    }

    /** The engine accepted a trigger for this deployment. */
    public record RecordEngineExecution(@TargetAggregateIdentifier String deploymentId, String executionId,
                                        String executionUrl, Instant at) {
    }

    /**
     * validate's answer (api-contract §5): what the intent resolved to and the policy as it stands;
     * {@code freeze} the window a platform admin's override would go through, else null.
     */
    public record ValidationResult(String service, String environment, String version, String recipeId,
                                   String deliveryGroupId, PolicySnapshot policy, FreezeInForce freeze) {
    }

    /**
     * policy summary's answer (api-contract §5). {@code route} may be null; {@code freeze} is the window in
     * force for a deploy right now, {@code approval} what a deploy now would wait for, {@code autoRollback} the
     * policy that would roll a failure back (docs/GOVERNANCE.md); each null when none applies.
     */
    public record PolicySummaryResult(String service, String environment, String deliveryGroupId,
                                      dev.dxcp.events.configuration.Recipe recipe,
                                      dev.dxcp.events.configuration.ServiceRoute route, PolicySnapshot policy,
                                      FreezeInForce freeze, ApprovalMessages.ApprovalRequirement approval,
                                      dev.dxcp.events.governance.AutoRollbackPolicy autoRollback) {
    }

    // ---- single-aggregate commands ----

    /** {@code approval}: the deployment waits for it before the engine starts (null: it does not). */
    public record AcceptDeployment(@TargetAggregateIdentifier String deploymentId, DeploymentAccepted accepted,
                                   ApprovalMessages.ApprovalRequirement approval) {
        public AcceptDeployment(String deploymentId, DeploymentAccepted accepted) {
            this(deploymentId, accepted, null);
        }
    }

    /** The engine refused to start this deployment: answers true when that ended it. */
    public record RefuseTrigger(@TargetAggregateIdentifier String deploymentId, ErrorCode code, String message,
            String operatorHint, java.util.Map<String, Object> details,
                                FailureModel failure, Instant at) {
    }

    /** Applies an observed state; answers true when it made the deployment terminal. */
    public record ObserveDeploymentState(@TargetAggregateIdentifier String deploymentId, DeploymentState state,
                                         List<FailureModel> failures, Instant at) {
    }

    /** Fails the deployment if it has shown no progress since {@code staleBefore}; answers true if it did. */
    public record ReapIfStale(@TargetAggregateIdentifier String deploymentId, Instant staleBefore,
                              FailureModel failure, Instant at) {
    }

    /** Reads the lane without changing it: members and quota use for a day. */
    public record InspectLane(@TargetAggregateIdentifier String laneId, LocalDate day) {
    }

    /**
     * Quota first, then concurrency (governance §5 steps 13–14). The quota unit is consumed once the quota
     * step passes, even if concurrency then refuses (governance §7).
     *
     * @param inFlight  lane members currently ACTIVE or IN_PROGRESS, counted by the caller in the same unit of work
     * @param takePlace false when a later check (e.g. rollback's prior version) already fails: quota and
     *                  concurrency are still decided in order, but no place is taken
     */
    public record AdmitDeployment(@TargetAggregateIdentifier String laneId, String deploymentId,
                                  DeploymentKind deploymentKind, LocalDate day, int maxConcurrent, int dailyQuota,
                                  int inFlight, boolean takePlace, Instant at) {
    }

    public record ReleaseDeployment(@TargetAggregateIdentifier String laneId, String deploymentId, Instant at) {
    }

    /** A lane as read: its member deployments and the day's quota use. */
    public record LaneSnapshot(List<String> members, int deploysUsed, int rollbacksUsed) {
    }

    /** The lane's answer to an admission, with the policy as it stood before this request. */
    public record LaneDecision(Kind kind, int used, int inFlight) {
        public enum Kind { ADMITTED, QUOTA_EXCEEDED, CONCURRENCY_LIMIT_REACHED }
    }
}
