package dev.dxcp.query.deployment;

import dev.dxcp.events.deployment.DeploymentGovernanceQueries.ApprovalStatus;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.AutomaticRollbackStatus;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.DeploymentGovernance;
import dev.dxcp.events.deployment.DeploymentQueries.TimelineEntry;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.deployment.DeploymentState;

import java.util.ArrayList;
import java.util.List;

/**
 * The normalized timeline of a record (domain §8), derived from the record alone: never an engine
 * stage name, so it reads the same whatever the pipeline looked like.
 */
public final class Timeline {
    private Timeline() {
    }

    /**
     * The record's timeline with what change governance did to it (docs/GOVERNANCE.md): the end of its
     * approval wait after "validated", an automatic rollback's cause after "validated", and on a failed
     * deployment whether DXCP rolled it back on its own, at the end.
     */
    public static List<TimelineEntry> of(DeploymentRecord r, DeploymentGovernance governance) {
        List<TimelineEntry> entries = of(r);
        ApprovalStatus approval = governance.approval();
        if (approval != null && approval.decidedAt() != null) {
            entries.add(2, switch (approval.state()) {
                case "APPROVED" -> new TimelineEntry("approved", "Approved", approval.decidedAt(),
                        "Approved by " + String.join(", ", approval.approvedBy()) + ".");
                case "REJECTED" -> new TimelineEntry("rejected", "Rejected", approval.decidedAt(),
                        "An approver rejected the deployment" + (approval.reason() == null ? "."
                                : ": " + approval.reason()));
                default -> new TimelineEntry("approval_expired", "Approval expired", approval.decidedAt(),
                        "Not enough approvals before " + approval.expiresAt() + ".");
            });
        }
        AutomaticRollbackStatus rollback = governance.automaticRollback();
        if (rollback == null) {
            return entries;
        }
        switch (rollback.status()) {
            case "AUTOMATIC" -> entries.add(2, new TimelineEntry("automatic_rollback", "Started automatically",
                    r.createdAt(), "Deployment " + rollback.failedDeploymentId() + " failed ("
                    + categories(rollback) + "); policy " + rollback.policyId() + " rolls it back."));
            case "STARTED" -> entries.add(new TimelineEntry("automatic_rollback_started",
                    "Automatic rollback started", rollback.at(), "DXCP started rollback "
                    + rollback.rollbackDeploymentId() + " under policy " + rollback.policyId() + "."));
            default -> entries.add(new TimelineEntry("automatic_rollback_refused", "Automatic rollback not started",
                    rollback.at(), rollback.code() + (rollback.message() == null ? "" : ": " + rollback.message())));
        }
        return entries;
    }

    private static String categories(AutomaticRollbackStatus rollback) {
        return rollback.failureCategories().isEmpty() ? "UNKNOWN" : String.join(", ",
                rollback.failureCategories().stream().map(Enum::name).toList());
    }

    public static List<TimelineEntry> of(DeploymentRecord r) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry("submitted", "Submitted", r.createdAt(), "The deployment intent was received."));
        entries.add(new TimelineEntry("validated", "Validated", r.createdAt(), "Every guardrail passed."));
        DeploymentState state = r.state();
        if (r.rollbackOf() != null) {
            entries.add(new TimelineEntry("rollback_started", "Rollback started", r.createdAt(),
                    "Returning to version " + r.version() + "."));
            switch (state) {
                case SUCCEEDED -> entries.add(new TimelineEntry("rollback_succeeded", "Rollback succeeded",
                        r.updatedAt(),
                        "Version " + r.version() + " is running again."));
                case FAILED -> entries.add(new TimelineEntry("rollback_failed", "Rollback failed", r.updatedAt(),
                        "The rollback did not complete; see failures."));
                case ACTIVE, IN_PROGRESS -> entries.add(new TimelineEntry("in_progress", "In progress", r.updatedAt(),
                        "The rollback is running."));
                default -> {
                }
            }
            return entries;
        }
        if (state == DeploymentState.PENDING) {
            return entries;
        }
        if (state == DeploymentState.PENDING_APPROVAL) {
            entries.add(new TimelineEntry("pending_approval", "Waiting for approval", r.createdAt(),
                    "The deployment starts once enough approvers approve it."));
            return entries;
        }
        entries.add(new TimelineEntry("in_progress", "In progress", r.createdAt(), "The deployment started."));
        switch (state) {
            case ACTIVE -> entries.add(new TimelineEntry("active", "Active", r.updatedAt(),
                    "The deployment is active."));
            case SUCCEEDED -> entries.add(new TimelineEntry("succeeded", "Succeeded", r.updatedAt(),
                    "Version " + r.version() + " was deployed."));
            case FAILED -> entries.add(new TimelineEntry("failed", "Failed", r.updatedAt(),
                    "The deployment failed; see failures."));
            case CANCELED -> entries.add(new TimelineEntry("failed", "Failed", r.updatedAt(),
                    "The deployment was canceled before it completed."));
            case ROLLED_BACK -> entries.add(new TimelineEntry("rollback_succeeded", "Rollback succeeded", r.updatedAt(),
                    "The delivery system rolled this deployment back."));
            default -> {
            }
        }
        return entries;
    }
}
