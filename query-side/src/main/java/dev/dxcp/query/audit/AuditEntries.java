package dev.dxcp.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.events.audit.AuditEvent;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupUpdated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeDeleted;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeUpdated;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackRefused;
import dev.dxcp.events.deployment.AutomaticRollbackMessages.AutomaticRollbackStarted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.governance.GovernanceMessages.AutoRollbackPolicyDeclared;
import dev.dxcp.events.governance.GovernanceMessages.AutoRollbackPolicyRemoved;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentDenied;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequested;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalExpired;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalGranted;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentRejected;
import dev.dxcp.events.governance.GovernanceMessages.ApprovalPolicyDeclared;
import dev.dxcp.events.governance.GovernanceMessages.ApprovalPolicyRemoved;
import dev.dxcp.events.governance.GovernanceMessages.FreezeOverridden;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowDeclared;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowRemoved;
import dev.dxcp.events.governance.GovernanceMessages.OwnerScopedChangesSet;
import dev.dxcp.events.settings.SettingsMessages.CiPublishersReplaced;
import dev.dxcp.events.settings.SettingsMessages.EngineAdapterChanged;
import dev.dxcp.events.settings.SettingsMessages.MutationsDisabledChanged;
import dev.dxcp.events.settings.SettingsMessages.RateLimitsChanged;
import dev.dxcp.events.settings.SettingsMessages.UiExposurePolicyChanged;

import java.time.Instant;
import java.util.List;

/**
 * Which events are audited and as what (governance §14). Everything not named here yields no entry:
 * build registrations, environment, binding and route writes, engine progress, idempotency and quota
 * bookkeeping. A pure function of the event and its metadata, so a replay writes the same entries.
 */
public class AuditEntries {
    private final SettingAuditEntries settings;
    private final GovernanceAuditEntries governance;

    public AuditEntries(ObjectMapper json, PublisherWireForm publishers) {
        this.settings = new SettingAuditEntries(json, publishers);
        this.governance = new GovernanceAuditEntries(json);
    }

    public List<AuditEvent> of(Object payload, String eventId, Instant eventTime, AuditActor actor) {
        Instant time = Timestamps.truncate(eventTime);
        List<AuditEvent> entries = entriesOf(payload, eventId, time, actor);
        return entries.stream().map(AuditEntries::atWirePrecision).toList();
    }

    private List<AuditEvent> entriesOf(Object payload, String id, Instant time, AuditActor actor) {
        if (payload instanceof DeploymentAccepted e) {
            return List.of(DeploymentAuditEntries.accepted(e, id, time, actor));
        }
        if (payload instanceof DeploymentDenied e) {
            return List.of(DeploymentAuditEntries.denied(e, id, time, actor));
        }
        if (payload instanceof DeliveryGroupCreated e) {
            return List.of(ConfigurationAuditEntries.groupCreated(e, id, time, actor));
        }
        if (payload instanceof DeliveryGroupUpdated e) {
            return List.of(ConfigurationAuditEntries.groupUpdated(e, id, time, actor));
        }
        if (payload instanceof RecipeCreated e) {
            return List.of(ConfigurationAuditEntries.recipeCreated(e, id, time, actor));
        }
        if (payload instanceof RecipeUpdated e) {
            return List.of(ConfigurationAuditEntries.recipeUpdated(e, id, time, actor));
        }
        if (payload instanceof RecipeDeleted e) {
            return List.of(ConfigurationAuditEntries.recipeDeleted(e, id, time, actor));
        }
        if (payload instanceof RateLimitsChanged e) {
            return settings.rateLimits(e, id, time, actor);
        }
        if (payload instanceof CiPublishersReplaced e) {
            return List.of(settings.ciPublishers(e, id, time, actor));
        }
        if (payload instanceof MutationsDisabledChanged e) {
            return List.of(settings.mutationsDisabled(e, id, time, actor));
        }
        if (payload instanceof UiExposurePolicyChanged e) {
            return List.of(settings.uiExposure(e, id, time, actor));
        }
        if (payload instanceof EngineAdapterChanged e) {
            return settings.engineAdapter(e, id, time, actor);
        }
        List<AuditEvent> notification = NotificationAuditEntries.of(payload, id, time, actor);
        if (!notification.isEmpty()) {
            return notification;
        }
        return governanceEntries(payload, id, time, actor);
    }

    private List<AuditEvent> governanceEntries(Object payload, String id, Instant time, AuditActor actor) {
        if (payload instanceof OwnerScopedChangesSet e) {
            return List.of(governance.ownerScoped(e, id, time, actor));
        }
        if (payload instanceof FreezeWindowDeclared e) {
            return List.of(governance.declared(e, id, time, actor));
        }
        if (payload instanceof FreezeWindowRemoved e) {
            return List.of(governance.removed(e, id, time, actor));
        }
        if (payload instanceof FreezeOverridden e) {
            return List.of(governance.overridden(e, id, time, actor));
        }
        return approvalEntries(payload, id, time, actor);
    }

    private List<AuditEvent> approvalEntries(Object payload, String id, Instant time, AuditActor actor) {
        if (payload instanceof ApprovalPolicyDeclared e) {
            return List.of(governance.policyDeclared(e, id, time, actor));
        }
        if (payload instanceof ApprovalPolicyRemoved e) {
            return List.of(governance.policyRemoved(e, id, time, actor));
        }
        if (payload instanceof ApprovalRequested e) {
            return List.of(governance.approvalRequested(e, id, time, actor));
        }
        if (payload instanceof DeploymentApprovalGranted e) {
            return List.of(governance.approvalGranted(e, id, time, actor));
        }
        if (payload instanceof DeploymentRejected e) {
            return List.of(governance.rejected(e, id, time, actor));
        }
        if (payload instanceof DeploymentApprovalExpired e) {
            return List.of(governance.expired(e, id, time, actor));
        }
        return automaticRollbackEntries(payload, id, time, actor);
    }

    private List<AuditEvent> automaticRollbackEntries(Object payload, String id, Instant time, AuditActor actor) {
        if (payload instanceof AutoRollbackPolicyDeclared e) {
            return List.of(AutoRollbackAuditEntries.declared(e, id, time, actor));
        }
        if (payload instanceof AutoRollbackPolicyRemoved e) {
            return List.of(AutoRollbackAuditEntries.removed(e, id, time, actor));
        }
        if (payload instanceof AutomaticRollbackStarted e) {
            return List.of(AutoRollbackAuditEntries.started(e, id, time));
        }
        if (payload instanceof AutomaticRollbackRefused e) {
            return List.of(AutoRollbackAuditEntries.refused(e, id, time));
        }
        return List.of();
    }

    /** The wire carries microseconds; storing the same keeps inclusive time bounds exact. */
    private static AuditEvent atWirePrecision(AuditEvent e) {
        Instant at = Timestamps.truncate(e.timestamp());
        return at.equals(e.timestamp()) ? e : new AuditEvent(e.eventId(), e.eventType(), e.actorId(), e.actorRole(),
                e.targetType(), e.targetId(), at, e.outcome(), e.summary(), e.deliveryGroupId(), e.serviceName(),
                e.environment());
    }
}
