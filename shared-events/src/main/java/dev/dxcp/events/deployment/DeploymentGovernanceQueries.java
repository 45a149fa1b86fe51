package dev.dxcp.events.deployment;

import java.time.Instant;
import java.util.List;

/**
 * What change governance did to one deployment (docs/GOVERNANCE.md), for its record and timeline: its
 * approval, and its automatic rollback — started or refused for a failed deployment, or the cause of an
 * automatic rollback.
 */
public final class DeploymentGovernanceQueries {
    private DeploymentGovernanceQueries() {
    }

    public record DeploymentGovernanceOf(String deploymentId) {
    }

    /** Either part is null when it does not apply. */
    public record DeploymentGovernance(ApprovalStatus approval, AutomaticRollbackStatus automaticRollback) {
        public static final DeploymentGovernance NONE = new DeploymentGovernance(null, null);
    }

    /**
     * @param state      PENDING, APPROVED, REJECTED or EXPIRED
     * @param approvers  who may approve (emails), fixed at acceptance
     * @param approvedBy who approved so far (emails, or actor ids without one), in order
     * @param decidedAt  when it was approved, rejected or expired; null while pending
     */
    public record ApprovalStatus(String policyId, int requiredApprovals, List<String> approvers, Instant expiresAt,
                                 String state, List<String> approvedBy, Instant decidedAt, String reason) {
        public ApprovalStatus {
            approvers = approvers == null ? List.of() : List.copyOf(approvers);
            approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
        }
    }

    /**
     * @param status STARTED or REFUSED (on the failed deployment), AUTOMATIC (on the rollback DXCP started)
     * @param code   why it was refused; null otherwise
     */
    public record AutomaticRollbackStatus(String status, String failedDeploymentId, String rollbackDeploymentId,
                                          String policyId, List<FailureCategory> failureCategories, String code,
                                          String message, Instant at) {
        public AutomaticRollbackStatus {
            failureCategories = failureCategories == null ? List.of() : List.copyOf(failureCategories);
        }
    }
}
