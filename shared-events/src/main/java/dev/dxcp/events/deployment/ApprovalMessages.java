package dev.dxcp.events.deployment;

import dev.dxcp.events.common.Rejection;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Approvals of a deployment (docs/GOVERNANCE.md "Approvals"): a deploy or promotion under an approval policy
 * is accepted as PENDING_APPROVAL and its engine saga waits until enough distinct approvers other than the
 * requester approved; a rejection or the time limit ends it as CANCELED, releasing its lane place.
 */
public final class ApprovalMessages {
    private ApprovalMessages() {
    }

    /**
     * What a deployment waits for.
     *
     * @param approvers emails that may approve (lower-case), already resolved from the policy or the group's owners
     */
    public record ApprovalRequirement(String policyId, int requiredApprovals, List<String> approvers,
                                      Instant expiresAt) {
        public ApprovalRequirement {
            approvers = approvers == null ? List.of() : List.copyOf(approvers);
        }
    }

    // ---- decisions (a coordinating handler: the deployment, then its lane place when it ends) ----

    /** POST /v1/deployments/{id}/approve. */
    public record ApproveDeployment(String deploymentId, ActorIdentity approver, String reason, Instant at) {
    }

    /** POST /v1/deployments/{id}/reject. */
    public record RejectDeployment(String deploymentId, ActorIdentity approver, String reason, Instant at) {
    }

    /** The saga's deadline (or the lane's reaper) saw the time limit pass. */
    public record ExpireApproval(String deploymentId, Instant at) {
    }

    /** The deployment's state after the decision, or the refusal (returned, so an expiry it applied commits). */
    public record ApprovalOutcome(DeploymentState state, Rejection refusal) {
    }

    // ---- single-aggregate commands ----

    public record RecordApproval(@TargetAggregateIdentifier String deploymentId, ActorIdentity approver, String reason,
                                 Instant at) {
    }

    public record RecordRejection(@TargetAggregateIdentifier String deploymentId, ActorIdentity approver,
                                  String reason, Instant at) {
    }

    /** Answers true when it ended the deployment. */
    public record LapseApproval(@TargetAggregateIdentifier String deploymentId, Instant at) {
    }

    // ---- events (each names where the deployment goes, for the audit's group, service and environment) ----

    /** Appended with DeploymentAccepted, in the same unit of work: the deployment waits for approval. */
    public record ApprovalRequested(String deploymentId, String service, String environment, String deliveryGroupId,
                                    ApprovalRequirement requirement, Instant at) {
    }

    public record DeploymentApprovalGranted(String deploymentId, String service, String environment,
                                            String deliveryGroupId, String approverId, String approverEmail,
                                            String reason, int approvalsSoFar, Instant at) {
    }

    /** Enough approvals: the engine saga starts. */
    public record DeploymentApproved(String deploymentId, Instant at) {
    }

    /** Followed by DeploymentCanceled in the same unit of work. */
    public record DeploymentRejected(String deploymentId, String service, String environment, String deliveryGroupId,
                                     String approverId, String approverEmail, String reason, Instant at) {
    }

    /** Followed by DeploymentCanceled in the same unit of work. */
    public record DeploymentApprovalExpired(String deploymentId, String service, String environment,
                                            String deliveryGroupId, Instant expiresAt, Instant at) {
    }
}
