package dev.dxcp.query.audit;

import dev.dxcp.events.audit.AuditEvent;
import dev.dxcp.events.deployment.AutomaticRollbackMessages;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentDenied;
import dev.dxcp.events.deployment.DeploymentKind;

import java.time.Instant;

/**
 * Audit entries for deploy, rollback and promotion submissions (governance §14). Accepted submissions
 * name the new record; denials name the service (DEPLOY_DENIED) or, for rollbacks, the record the
 * caller asked to roll back, since that is what was refused.
 */
final class DeploymentAuditEntries {
    static final String TARGET = "Deployment";

    private DeploymentAuditEntries() {
    }

    static AuditEvent accepted(DeploymentAccepted e, String eventId, Instant eventTime, AuditActor actor) {
        String summary = switch (e.deploymentKind()) {
            case ROLLBACK -> (AutomaticRollbackMessages.SYSTEM.equals(e.actor()) ? "Automatic rollback of "
                    + e.rollbackOf() + " (it failed): " : "Rollback of " + e.rollbackOf() + ": ") + e.service()
                    + " to " + e.version() + " in " + e.environment();
            case PROMOTE -> "Promote " + e.service() + " " + e.version() + " from " + e.sourceEnvironment() + " to "
                    + e.environment();
            case ROLL_FORWARD -> "Deploy " + e.service() + " " + e.version() + " to " + e.environment()
                    + " with recipe " + e.recipeId();
        };
        // The record's own actor snapshot is the fallback for events written without caller metadata.
        boolean snapshot = e.actor() != null && e.actor().actorId() != null && e.actor().role() != null;
        String actorId = AuditActor.UNKNOWN.equals(actor.id()) && snapshot ? e.actor().actorId() : actor.id();
        String role = AuditActor.UNKNOWN.equals(actor.role()) && snapshot ? e.actor().role() : actor.role();
        return new AuditEvent(eventId, submitType(e.deploymentKind()), actorId, role, TARGET, e.deploymentId(),
                e.createdAt() != null ? e.createdAt() : eventTime, "SUCCESS", summary, e.deliveryGroupId(), e.service(), e.environment());
    }

    static AuditEvent denied(DeploymentDenied e, String eventId, Instant eventTime, AuditActor actor) {
        boolean rollback = e.deploymentKind() == DeploymentKind.ROLLBACK;
        String target = rollback && e.targetDeploymentId() != null ? e.targetDeploymentId() : e.service();
        String action = switch (e.deploymentKind()) {
            case ROLLBACK -> "Rollback of " + e.targetDeploymentId();
            case PROMOTE -> "Promotion of " + e.service() + " to " + e.environment();
            case ROLL_FORWARD -> "Deploy of " + e.service() + " to " + e.environment();
        };
        String summary = action + " denied: " + e.code() + (e.message() == null ? "" : " (" + e.message() + ")");
        return new AuditEvent(eventId, deniedType(e.deploymentKind()), actor.id(), actor.role(), TARGET, target,
                e.at() != null ? e.at() : eventTime, "DENIED", summary, e.deliveryGroupId(), e.service(),
                e.environment());
    }

    private static String submitType(DeploymentKind kind) {
        return switch (kind) {
            case ROLL_FORWARD -> "DEPLOY_SUBMIT";
            case ROLLBACK -> "ROLLBACK_SUBMIT";
            case PROMOTE -> "PROMOTION_SUBMIT";
        };
    }

    /** ROLLBACK_DENIED is DXCP's name for the rollback denials governance §14 says SHOULD be audited. */
    private static String deniedType(DeploymentKind kind) {
        return switch (kind) {
            case ROLL_FORWARD -> "DEPLOY_DENIED";
            case ROLLBACK -> "ROLLBACK_DENIED";
            case PROMOTE -> "PROMOTION_DENIED";
        };
    }
}
