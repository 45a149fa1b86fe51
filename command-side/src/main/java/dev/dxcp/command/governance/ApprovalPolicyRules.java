package dev.dxcp.command.governance;

import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.governance.ApprovalPolicy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a declared approval policy must be (docs/GOVERNANCE.md "Approvals"): an id like a freeze window's, an
 * existing group (and environment when named), 1..10 approvals, approver emails of the form local@domain.tld,
 * and a time limit from 1 minute to 7 days. Refusals are 400 INVALID_REQUEST naming the field.
 */
final class ApprovalPolicyRules {
    static final long MAX_EXPIRY_MINUTES = 7L * 24 * 60;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private ApprovalPolicyRules() {
    }

    static void check(ApprovalPolicy policy, DeliveryConfigurationState config) {
        PolicyScopeRules.check(policy.id(), policy.deliveryGroupId(), policy.environment(), config);
        if (policy.requiredApprovals() < 1 || policy.requiredApprovals() > 10) {
            throw invalid("required_approvals must be from 1 to 10");
        }
        if (policy.expiresAfterMinutes() < 1 || policy.expiresAfterMinutes() > MAX_EXPIRY_MINUTES) {
            throw invalid("expires_after_minutes must be from 1 to " + MAX_EXPIRY_MINUTES);
        }
        for (String approver : policy.approvers()) {
            if (approver == null || !EMAIL.matcher(approver.trim()).matches()) {
                throw invalid("approvers must be email addresses");
            }
        }
        if (!policy.approvers().isEmpty() && emails(policy.approvers()).size() < policy.requiredApprovals()) {
            throw invalid("approvers must name at least required_approvals distinct people");
        }
    }

    static List<String> emails(List<String> approvers) {
        return approvers.stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static Rejection invalid(String message) {
        return PolicyScopeRules.invalid(message);
    }
}
