package dev.dxcp.command.governance;

import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequirement;
import dev.dxcp.events.governance.ApprovalPolicy;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Whether a deploy or promotion into a group's environment must wait for approval, and from whom
 * (docs/GOVERNANCE.md "Approvals"): a policy naming the environment wins over the group-wide one; its
 * approvers, or the group's owners when it names none, resolved at acceptance so the deployment keeps them.
 */
public class ApprovalGate {
    private final ChangeGovernanceView governance;

    public ApprovalGate(ChangeGovernanceView governance) {
        this.governance = governance;
    }

    public Optional<ApprovalRequirement> requirementFor(DeliveryGroup group, String environment, Instant at) {
        return governance.current().approvalPolicies().stream()
                .filter(policy -> policy.covers(group.id(), environment))
                .min(Comparator.comparing(policy -> policy.environment() == null ? 1 : 0))
                .map(policy -> requirement(policy, group, at));
    }

    private static ApprovalRequirement requirement(ApprovalPolicy policy, DeliveryGroup group, Instant at) {
        return new ApprovalRequirement(policy.id(), policy.requiredApprovals(),
                policy.approvers().isEmpty() ? group.ownerEmails() : policy.approvers(),
                at.plusSeconds(policy.expiresAfterMinutes() * 60));
    }
}
