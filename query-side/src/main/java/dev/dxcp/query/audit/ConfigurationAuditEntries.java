package dev.dxcp.query.audit;

import dev.dxcp.events.audit.AuditEvent;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupUpdated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeDeleted;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeUpdated;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Recipe;

import java.time.Instant;
import java.util.List;

/**
 * ADMIN_CREATE / ADMIN_UPDATE / ADMIN_DELETE for delivery groups and recipes (governance §14):
 * delivery_group_id is set for groups only. First-start seeding writes the same events under the
 * actor "system", so the seeded configuration is audited like any other creation.
 */
final class ConfigurationAuditEntries {
    static final String GROUP = "DeliveryGroup";
    static final String RECIPE = "Recipe";

    private ConfigurationAuditEntries() {
    }

    static AuditEvent groupCreated(DeliveryGroupCreated e, String eventId, Instant eventTime, AuditActor actor) {
        DeliveryGroup g = e.group();
        return entry(eventId, "ADMIN_CREATE", actor, GROUP, g.id(), or(g.createdAt(), eventTime),
                "Created delivery group " + g.id() + " (" + g.name() + ")" + reason(g.lastChangeReason()), g.id());
    }

    static AuditEvent groupUpdated(DeliveryGroupUpdated e, String eventId, Instant eventTime, AuditActor actor) {
        DeliveryGroup g = e.newValue();
        return entry(eventId, "ADMIN_UPDATE", actor, GROUP, g.id(), or(g.updatedAt(), eventTime),
                "Updated delivery group " + g.id() + changes(e.oldValue(), g)
                        + newReason(e.oldValue() == null ? null : e.oldValue().lastChangeReason(), g.lastChangeReason()),
                g.id());
    }

    static AuditEvent recipeCreated(RecipeCreated e, String eventId, Instant eventTime, AuditActor actor) {
        Recipe r = e.recipe();
        return entry(eventId, "ADMIN_CREATE", actor, RECIPE, r.id(), or(r.createdAt(), eventTime),
                "Created recipe " + r.id() + " (" + r.name() + ")" + reason(r.lastChangeReason()), null);
    }

    static AuditEvent recipeUpdated(RecipeUpdated e, String eventId, Instant eventTime, AuditActor actor) {
        Recipe r = e.newValue();
        return entry(eventId, "ADMIN_UPDATE", actor, RECIPE, r.id(), or(r.updatedAt(), eventTime),
                "Updated recipe " + r.id() + changes(e.oldValue(), r)
                        + newReason(e.oldValue() == null ? null : e.oldValue().lastChangeReason(), r.lastChangeReason()),
                null);
    }

    static AuditEvent recipeDeleted(RecipeDeleted e, String eventId, Instant eventTime, AuditActor actor) {
        Recipe r = e.recipe();
        return entry(eventId, "ADMIN_DELETE", actor, RECIPE, r.id(), or(e.at(), eventTime),
                "Deleted recipe " + r.id() + " (" + r.name() + ")", null);
    }

    private static AuditEvent entry(String eventId, String type, AuditActor actor, String targetType, String targetId,
                                    Instant at, String summary, String groupId) {
        return new AuditEvent(eventId, type, actor.id(), actor.role(), targetType, targetId, at, "SUCCESS", summary,
                groupId, null, null);
    }

    private static String changes(Record before, Record after) {
        List<String> fields = ChangedFields.between(before, after);
        return fields.isEmpty() ? " (no field changed)" : ": changed " + String.join(", ", fields);
    }

    /** A blank change_reason keeps the previous one (DECISIONS 19): only a new reason belongs to this update. */
    private static String newReason(String before, String after) {
        return java.util.Objects.equals(before, after) ? "" : reason(after);
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : "; reason: " + reason;
    }

    private static Instant or(Instant preferred, Instant fallback) {
        return preferred != null ? preferred : fallback;
    }
}
