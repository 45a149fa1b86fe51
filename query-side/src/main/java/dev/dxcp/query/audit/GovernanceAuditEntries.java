package dev.dxcp.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.audit.AuditEvent;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequested;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalExpired;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalGranted;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentRejected;
import dev.dxcp.events.governance.ApprovalPolicy;
import dev.dxcp.events.governance.FreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages.ApprovalPolicyDeclared;
import dev.dxcp.events.governance.GovernanceMessages.ApprovalPolicyRemoved;
import dev.dxcp.events.governance.GovernanceMessages.FreezeOverridden;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowDeclared;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowRemoved;
import dev.dxcp.events.governance.GovernanceMessages.OwnerScopedChangesSet;

import java.time.Instant;
import java.util.TreeMap;

/**
 * Change governance in the audit (docs/GOVERNANCE.md): the owner-scoped setting as an ADMIN_CONFIG_CHANGE of
 * key {@code owner_scoped_changes}; freeze windows as ADMIN_CREATE / ADMIN_DELETE of a FreezeWindow (with the
 * group they name); an admin's override as FREEZE_OVERRIDE of the deployment it let through, its summary a
 * JSON string (sorted keys) with the request id, the window, and the admin's reason verbatim; approval
 * policies like windows; a deployment's approval as APPROVAL_REQUESTED / _GRANTED / _REJECTED / _EXPIRED of
 * the deployment.
 */
final class GovernanceAuditEntries {
    static final String WINDOW = "FreezeWindow";
    static final String POLICY = "ApprovalPolicy";

    private final ObjectMapper json;
    private final ConfigChangeSummary settings;

    GovernanceAuditEntries(ObjectMapper json) {
        this.json = json;
        this.settings = new ConfigChangeSummary(json);
    }

    AuditEvent ownerScoped(OwnerScopedChangesSet e, String eventId, Instant eventTime, AuditActor actor) {
        Instant at = e.changedAt() != null ? e.changedAt() : eventTime;
        String key = "owner_scoped_changes";
        return new AuditEvent(eventId, "ADMIN_CONFIG_CHANGE", actor.id(), actor.role(), SettingAuditEntries.TARGET,
                key, at, "SUCCESS", settings.render(key, e.oldValue() == null ? null
                        : json.getNodeFactory().booleanNode(e.oldValue()),
                json.getNodeFactory().booleanNode(e.newValue()), e.reason(), at, actor), null, null, null);
    }

    AuditEvent declared(FreezeWindowDeclared e, String eventId, Instant eventTime, AuditActor actor) {
        FreezeWindow w = e.window();
        String when = w.recurring()
                ? "every '" + w.schedule().cron() + "' in " + w.schedule().timeZone() + " for "
                        + w.schedule().durationMinutes() + " min"
                : "from " + Timestamps.format(w.startsAt()) + " to " + Timestamps.format(w.endsAt());
        return new AuditEvent(eventId, "ADMIN_CREATE", actor.id(), actor.role(), WINDOW, w.id(),
                w.createdAt() != null ? w.createdAt() : eventTime, "SUCCESS",
                "Declared freeze window " + w.id() + " on " + scope(w) + " " + when
                        + (w.allowRollbacks() ? "" : ", rollbacks frozen too") + "; reason: " + w.reason(),
                w.deliveryGroupId(), null, w.environment());
    }

    AuditEvent removed(FreezeWindowRemoved e, String eventId, Instant eventTime, AuditActor actor) {
        FreezeWindow w = e.window();
        return new AuditEvent(eventId, "ADMIN_DELETE", actor.id(), actor.role(), WINDOW, w.id(),
                e.at() != null ? e.at() : eventTime, "SUCCESS", "Removed freeze window " + w.id() + " on " + scope(w),
                w.deliveryGroupId(), null, w.environment());
    }

    AuditEvent overridden(FreezeOverridden e, String eventId, Instant eventTime, AuditActor actor) {
        Instant at = e.at() != null ? e.at() : eventTime;
        TreeMap<String, Object> fields = new TreeMap<>();
        fields.put("request_id", actor.requestId() == null ? AuditActor.UNKNOWN : actor.requestId());
        fields.put("timestamp", Timestamps.format(at));
        fields.put("deployment_kind", e.deploymentKind());
        fields.put("freeze_window_id", e.windowId());
        fields.put("freeze_window_reason", e.windowReason());
        fields.put("freeze_window_ends_at", e.windowEndsAt() == null ? null : Timestamps.format(e.windowEndsAt()));
        fields.put("reason", e.reason());
        fields.put("actor_id", actor.id());
        fields.put("actor_email", actor.email());
        fields.put("actor_role", actor.role());
        return new AuditEvent(eventId, "FREEZE_OVERRIDE", actor.id(), actor.role(),
                DeploymentAuditEntries.TARGET, e.deploymentId(), at, "SUCCESS", render(fields), e.deliveryGroupId(),
                e.service(), e.environment());
    }

    AuditEvent policyDeclared(ApprovalPolicyDeclared e, String eventId, Instant eventTime, AuditActor actor) {
        ApprovalPolicy p = e.policy();
        return new AuditEvent(eventId, "ADMIN_CREATE", actor.id(), actor.role(), POLICY, p.id(),
                p.createdAt() != null ? p.createdAt() : eventTime, "SUCCESS", "Declared approval policy " + p.id()
                        + " on delivery group " + p.deliveryGroupId() + " / " + (p.environment() == null
                        ? "every environment" : "environment " + p.environment()) + ": " + p.requiredApprovals()
                        + " approval(s) within " + p.expiresAfterMinutes() + " min from "
                        + (p.approvers().isEmpty() ? "the group's owners" : String.join(", ", p.approvers())),
                p.deliveryGroupId(), null, p.environment());
    }

    AuditEvent policyRemoved(ApprovalPolicyRemoved e, String eventId, Instant eventTime, AuditActor actor) {
        ApprovalPolicy p = e.policy();
        return new AuditEvent(eventId, "ADMIN_DELETE", actor.id(), actor.role(), POLICY, p.id(),
                e.at() != null ? e.at() : eventTime, "SUCCESS", "Removed approval policy " + p.id(),
                p.deliveryGroupId(), null, p.environment());
    }

    AuditEvent approvalRequested(ApprovalRequested e, String eventId, Instant eventTime, AuditActor actor) {
        return deploymentEntry(eventId, "APPROVAL_REQUESTED", actor, e.deploymentId(), e.at(), eventTime,
                "Waits for " + e.requirement().requiredApprovals() + " approval(s) under policy "
                        + e.requirement().policyId() + " until " + Timestamps.format(e.requirement().expiresAt()),
                e.deliveryGroupId(), e.service(), e.environment());
    }

    AuditEvent approvalGranted(DeploymentApprovalGranted e, String eventId, Instant eventTime, AuditActor actor) {
        return deploymentEntry(eventId, "APPROVAL_GRANTED", actor, e.deploymentId(), e.at(), eventTime,
                "Approval " + e.approvalsSoFar() + " by " + (e.approverEmail() == null ? e.approverId()
                        : e.approverEmail()) + (e.reason() == null ? "" : "; reason: " + e.reason()),
                e.deliveryGroupId(), e.service(), e.environment());
    }

    AuditEvent rejected(DeploymentRejected e, String eventId, Instant eventTime, AuditActor actor) {
        return deploymentEntry(eventId, "APPROVAL_REJECTED", actor, e.deploymentId(), e.at(), eventTime,
                "Rejected by " + (e.approverEmail() == null ? e.approverId() : e.approverEmail()) + "; reason: "
                        + e.reason(), e.deliveryGroupId(), e.service(), e.environment());
    }

    /** Expiry is the system's doing, whoever's request noticed it. */
    AuditEvent expired(DeploymentApprovalExpired e, String eventId, Instant eventTime, AuditActor actor) {
        AuditActor system = new AuditActor("system", "SYSTEM", null, null, null, actor.requestId());
        return deploymentEntry(eventId, "APPROVAL_EXPIRED", system, e.deploymentId(), e.at(), eventTime,
                "No approval before " + Timestamps.format(e.expiresAt()) + "; the deployment was canceled",
                e.deliveryGroupId(), e.service(), e.environment());
    }

    private static AuditEvent deploymentEntry(String eventId, String type, AuditActor actor, String deploymentId,
                                              Instant at, Instant eventTime, String summary, String groupId,
                                              String service, String environment) {
        return new AuditEvent(eventId, type, actor.id(), actor.role(), DeploymentAuditEntries.TARGET, deploymentId,
                at != null ? at : eventTime, "SUCCESS", summary, groupId, service, environment);
    }

    private String render(TreeMap<String, Object> fields) {
        ObjectNode node = json.createObjectNode();
        fields.forEach((k, v) -> node.set(k, json.valueToTree(v)));
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit summary cannot be rendered", e);
        }
    }

    private static String scope(FreezeWindow w) {
        return (w.deliveryGroupId() == null ? "every delivery group" : "delivery group " + w.deliveryGroupId())
                + " / " + (w.environment() == null ? "every environment" : "environment " + w.environment());
    }
}
