package dev.dxcp.query.audit;

import dev.dxcp.events.audit.AuditEvent;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackRefused;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackStarted;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.governance.AutoRollbackPolicy;
import dev.dxcp.events.governance.GovernanceMessages.AutoRollbackPolicyDeclared;
import dev.dxcp.events.governance.GovernanceMessages.AutoRollbackPolicyRemoved;

import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Automatic rollback in the audit (docs/GOVERNANCE.md): policies as ADMIN_CREATE / ADMIN_DELETE of an
 * AutoRollbackPolicy; what came of a failed deployment's automatic rollback as AUTO_ROLLBACK_STARTED
 * (naming the rollback record, the policy and the failure categories: the cause) or AUTO_ROLLBACK_REFUSED
 * (outcome DENIED, naming the code), both of the failed deployment and by the system actor, whichever
 * instance decided it.
 */
final class AutoRollbackAuditEntries {
    static final String POLICY = "AutoRollbackPolicy";

    private AutoRollbackAuditEntries() {
    }

    static AuditEvent declared(AutoRollbackPolicyDeclared e, String eventId, Instant eventTime, AuditActor actor) {
        AutoRollbackPolicy p = e.policy();
        return new AuditEvent(eventId, "ADMIN_CREATE", actor.id(), actor.role(), POLICY, p.id(),
                p.createdAt() != null ? p.createdAt() : eventTime, "SUCCESS",
                "Declared automatic rollback policy " + p.id() + " on " + scope(p), p.deliveryGroupId(), null,
                p.environment());
    }

    static AuditEvent removed(AutoRollbackPolicyRemoved e, String eventId, Instant eventTime, AuditActor actor) {
        AutoRollbackPolicy p = e.policy();
        return new AuditEvent(eventId, "ADMIN_DELETE", actor.id(), actor.role(), POLICY, p.id(),
                e.at() != null ? e.at() : eventTime, "SUCCESS",
                "Removed automatic rollback policy " + p.id() + " on " + scope(p), p.deliveryGroupId(), null,
                p.environment());
    }

    static AuditEvent started(AutomaticRollbackStarted e, String eventId, Instant eventTime) {
        String categories = e.failureCategories().isEmpty() ? "UNKNOWN"
                : e.failureCategories().stream().map(FailureCategory::name).collect(Collectors.joining(", "));
        return new AuditEvent(eventId, "AUTO_ROLLBACK_STARTED", "system", "SYSTEM", DeploymentAuditEntries.TARGET,
                e.failedDeploymentId(), e.at() != null ? e.at() : eventTime, "SUCCESS",
                "Automatic rollback " + e.rollbackDeploymentId() + " started under policy " + e.policyId()
                        + " because deployment " + e.failedDeploymentId() + " failed (" + categories + ")",
                e.deliveryGroupId(), e.service(), e.environment());
    }

    static AuditEvent refused(AutomaticRollbackRefused e, String eventId, Instant eventTime) {
        return new AuditEvent(eventId, "AUTO_ROLLBACK_REFUSED", "system", "SYSTEM", DeploymentAuditEntries.TARGET,
                e.failedDeploymentId(), e.at() != null ? e.at() : eventTime, "DENIED",
                "Automatic rollback of failed deployment " + e.failedDeploymentId() + " under policy "
                        + e.policyId() + " not started: " + e.code()
                        + (e.message() == null ? "" : " (" + e.message() + ")"),
                e.deliveryGroupId(), e.service(), e.environment());
    }

    private static String scope(AutoRollbackPolicy p) {
        return "delivery group " + p.deliveryGroupId() + " / "
                + (p.environment() == null ? "every environment" : "environment " + p.environment()) + " / "
                + (p.recipeId() == null ? "every recipe" : "recipe " + p.recipeId());
    }
}
