package dev.dxcp.notify;

import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequested;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalExpired;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalGranted;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentRejected;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentRolledBackByEngine;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.events.governance.GovernanceMessages.FreezeOverridden;
import dev.dxcp.events.notification.NotificationEventType;
import dev.dxcp.notify.Notification.DeploymentFacts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which stored events are notifications, and of which type (docs/GOVERNANCE.md "Notifications"). A pure
 * function of the event and of the deployment it names, so a replay yields the same notification.
 * A deploy's "start" is the engine starting it: a deploy waiting for approval has not started.
 */
final class NotificationFacts {
    private NotificationFacts() {
    }

    /** @param deployments what was recorded about a deployment at its acceptance */
    static Optional<Notification> of(Object payload, String eventId, Instant at,
                                     Function<String, Optional<DeploymentFacts>> deployments) {
        if (payload instanceof EngineExecutionStarted e) {
            return known(deployments, e.deploymentId()).map(d -> new Notification(
                    rollback(d) ? type(NotificationEventType.ROLLBACK_STARTED) : type(NotificationEventType.DEPLOYMENT_STARTED),
                    eventId, at, d, details("execution_id", e.executionId(), "execution_url", e.executionUrl())));
        }
        if (payload instanceof DeploymentSucceeded e) {
            return known(deployments, e.deploymentId()).map(d -> new Notification(
                    rollback(d) ? type(NotificationEventType.ROLLBACK_SUCCEEDED)
                            : type(NotificationEventType.DEPLOYMENT_SUCCEEDED), eventId, at, d, Map.of()));
        }
        if (payload instanceof DeploymentFailed e) {
            return known(deployments, e.deploymentId()).map(d -> new Notification(
                    rollback(d) ? type(NotificationEventType.ROLLBACK_FAILED)
                            : type(NotificationEventType.DEPLOYMENT_FAILED), eventId, at, d,
                    details("failures", failures(e.failures()))));
        }
        if (payload instanceof DeploymentRolledBackByEngine e) {
            return known(deployments, e.deploymentId()).map(d -> new Notification(
                    type(NotificationEventType.DEPLOYMENT_ROLLED_BACK), eventId, at, d, Map.of()));
        }
        if (payload instanceof ApprovalRequested e) {
            DeploymentFacts d = orFrom(deployments, e.deploymentId(), e.service(), e.environment(), e.deliveryGroupId());
            return Optional.of(new Notification(type(NotificationEventType.APPROVAL_REQUESTED), eventId, at, d,
                    details("required_approvals", e.requirement().requiredApprovals(),
                            "approvers", e.requirement().approvers(), "expires_at", e.requirement().expiresAt())));
        }
        if (payload instanceof DeploymentApprovalGranted e) {
            DeploymentFacts d = orFrom(deployments, e.deploymentId(), e.service(), e.environment(), e.deliveryGroupId());
            return Optional.of(new Notification(type(NotificationEventType.APPROVAL_GRANTED), eventId, at, d,
                    details("approver", e.approverEmail() != null ? e.approverEmail() : e.approverId(),
                            "approvals_so_far", e.approvalsSoFar(), "reason", e.reason())));
        }
        if (payload instanceof DeploymentRejected e) {
            DeploymentFacts d = orFrom(deployments, e.deploymentId(), e.service(), e.environment(), e.deliveryGroupId());
            return Optional.of(new Notification(type(NotificationEventType.APPROVAL_REJECTED), eventId, at, d,
                    details("approver", e.approverEmail() != null ? e.approverEmail() : e.approverId(),
                            "reason", e.reason())));
        }
        if (payload instanceof DeploymentApprovalExpired e) {
            DeploymentFacts d = orFrom(deployments, e.deploymentId(), e.service(), e.environment(), e.deliveryGroupId());
            return Optional.of(new Notification(type(NotificationEventType.APPROVAL_EXPIRED), eventId, at, d,
                    details("expires_at", e.expiresAt())));
        }
        if (payload instanceof FreezeOverridden e) {
            DeploymentFacts d = orFrom(deployments, e.deploymentId(), e.service(), e.environment(), e.deliveryGroupId());
            return Optional.of(new Notification(type(NotificationEventType.FREEZE_OVERRIDDEN), eventId, at, d,
                    details("freeze_window_id", e.windowId(), "freeze_window_reason", e.windowReason(),
                            "freeze_window_ends_at", e.windowEndsAt(), "reason", e.reason())));
        }
        return Optional.empty();
    }

    private static String type(NotificationEventType type) {
        return type.name();
    }

    private static boolean rollback(DeploymentFacts d) {
        return DeploymentKind.ROLLBACK.name().equals(d.kind());
    }

    private static Optional<DeploymentFacts> known(Function<String, Optional<DeploymentFacts>> deployments,
                                                   String id) {
        return deployments.apply(id);
    }

    /** Approval and override events name where the deployment goes; the rest comes from its acceptance. */
    private static DeploymentFacts orFrom(Function<String, Optional<DeploymentFacts>> deployments, String id,
                                          String service, String environment, String group) {
        return deployments.apply(id).orElse(new DeploymentFacts(id, null, service, environment, group, null, null,
                null));
    }

    private static List<Map<String, Object>> failures(List<FailureModel> failures) {
        return failures == null ? List.of() : failures.stream().map(f -> details("category",
                f.category() == null ? null : f.category().name(), "summary", f.summary(), "action_hint",
                f.actionHint())).toList();
    }

    /** Pairs of key and value, in order; null values left out. */
    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
