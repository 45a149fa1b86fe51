package dev.dxcp.events.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Change governance (docs/GOVERNANCE.md): whether changes are limited to a group's owners, and the freeze
 * windows. One {@code ChangeGovernance} aggregate holds them, so every change is an audited event and
 * every instance sees it at once.
 */
public final class GovernanceMessages {
    public static final String GOVERNANCE_ID = "change-governance";

    private GovernanceMessages() {
    }

    // ---- commands ----

    /**
     * Sent at every start, before the delivery configuration is seeded: a store whose configuration was never
     * seeded is a new installation, and gets owner-scoped changes on; an existing one keeps its behaviour.
     */
    public record SeedChangeGovernance(@TargetAggregateIdentifier String governanceId, Instant at) {
        public SeedChangeGovernance(Instant at) {
            this(GOVERNANCE_ID, at);
        }
    }

    public record SetOwnerScopedChanges(@TargetAggregateIdentifier String governanceId, boolean enabled,
                                        String reason, Instant at) {
        public SetOwnerScopedChanges(boolean enabled, String reason, Instant at) {
            this(GOVERNANCE_ID, enabled, reason, at);
        }
    }

    /** {@code window.createdAt/createdBy} are filled by the aggregate. */
    public record DeclareFreezeWindow(@TargetAggregateIdentifier String governanceId, FreezeWindow window,
                                      Instant at) {
        public DeclareFreezeWindow(FreezeWindow window, Instant at) {
            this(GOVERNANCE_ID, window, at);
        }
    }

    public record RemoveFreezeWindow(@TargetAggregateIdentifier String governanceId, String windowId, Instant at) {
        public RemoveFreezeWindow(String windowId, Instant at) {
            this(GOVERNANCE_ID, windowId, at);
        }
    }

    /** {@code policy.createdAt/createdBy} are filled by the aggregate. */
    public record DeclareApprovalPolicy(@TargetAggregateIdentifier String governanceId, ApprovalPolicy policy,
                                        Instant at) {
        public DeclareApprovalPolicy(ApprovalPolicy policy, Instant at) {
            this(GOVERNANCE_ID, policy, at);
        }
    }

    public record RemoveApprovalPolicy(@TargetAggregateIdentifier String governanceId, String policyId, Instant at) {
        public RemoveApprovalPolicy(String policyId, Instant at) {
            this(GOVERNANCE_ID, policyId, at);
        }
    }

    /** {@code policy.createdAt/createdBy} are filled by the aggregate. */
    public record DeclareAutoRollbackPolicy(@TargetAggregateIdentifier String governanceId, AutoRollbackPolicy policy,
                                            Instant at) {
        public DeclareAutoRollbackPolicy(AutoRollbackPolicy policy, Instant at) {
            this(GOVERNANCE_ID, policy, at);
        }
    }

    public record RemoveAutoRollbackPolicy(@TargetAggregateIdentifier String governanceId, String policyId,
                                           Instant at) {
        public RemoveAutoRollbackPolicy(String policyId, Instant at) {
            this(GOVERNANCE_ID, policyId, at);
        }
    }

    // ---- events ----

    /** @param newInstallation the delivery configuration had never been seeded */
    public record ChangeGovernanceSeeded(boolean newInstallation, Instant at) {
    }

    /** {@code oldValue} null: never set before (an existing installation's default, off). */
    public record OwnerScopedChangesSet(Boolean oldValue, boolean newValue, String reason, Instant changedAt) {
    }

    public record FreezeWindowDeclared(FreezeWindow window) {
    }

    public record FreezeWindowRemoved(FreezeWindow window, Instant at) {
    }

    public record ApprovalPolicyDeclared(ApprovalPolicy policy) {
    }

    public record ApprovalPolicyRemoved(ApprovalPolicy policy, Instant at) {
    }

    public record AutoRollbackPolicyDeclared(AutoRollbackPolicy policy) {
    }

    public record AutoRollbackPolicyRemoved(AutoRollbackPolicy policy, Instant at) {
    }

    /**
     * A platform admin let one deploy, promotion or rollback through a freeze window, with a reason
     * (appended in the unit of work that accepted it, so it exists exactly when the deployment does).
     * {@code deploymentKind} is the name of a {@code DeploymentKind}.
     */
    public record FreezeOverridden(String deploymentId, String deploymentKind, String service,
                                   String environment, String deliveryGroupId, String windowId,
                                   String windowReason, Instant windowEndsAt, String reason, Instant at) {
    }

    // ---- queries ----

    /** Answered with {@link GovernanceSettings}; {@code at} decides which windows are in force. */
    public record CurrentGovernance(Instant at) {
    }

    /** @param ownerScopedChangesPersisted false while the setting was never written (existing installation) */
    public record GovernanceSettings(boolean ownerScopedChanges, boolean ownerScopedChangesPersisted,
                                     List<FreezeWindowStatus> freezeWindows, List<ApprovalPolicy> approvalPolicies,
                                     List<AutoRollbackPolicy> autoRollbackPolicies) {
    }

    /** @param currentEndsAt when the occurrence in force ends; null when the window is not in force */
    public record FreezeWindowStatus(FreezeWindow window, Instant currentEndsAt) {
    }
}
