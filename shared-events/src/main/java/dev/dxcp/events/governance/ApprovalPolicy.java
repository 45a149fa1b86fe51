package dev.dxcp.events.governance;

import java.time.Instant;
import java.util.List;

/**
 * Deploys and promotions into a delivery group (and, when named, one of its environments) wait for
 * {@code requiredApprovals} approvals from distinct people other than the requester, within
 * {@code expiresAfterMinutes} (docs/GOVERNANCE.md "Approvals"). {@code approvers}: the emails that may approve;
 * empty means the group's owners.
 */
public record ApprovalPolicy(String id, String deliveryGroupId, String environment, int requiredApprovals,
                             List<String> approvers, long expiresAfterMinutes, Instant createdAt, String createdBy) {
    public ApprovalPolicy {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    public boolean covers(String groupId, String environmentId) {
        return deliveryGroupId.equals(groupId) && (environment == null || environment.equals(environmentId));
    }
}
