package dev.dxcp.notify;

import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequested;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalExpired;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalGranted;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentRejected;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentRolledBackByEngine;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.governance.GovernanceMessages.FreezeOverridden;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionCreated;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionDeleted;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionUpdated;
import dev.dxcp.events.notification.WebhookSubscription;
import dev.dxcp.notify.Notification.DeploymentFacts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Feeds the outbox from the event store: a tracking processor of its own ({@value #NAME}), never the request
 * path. It folds the subscriptions in event order, so each deployment event is matched against the
 * subscriptions that existed when it happened, and writes one row per (event, subscription) under a unique
 * key: a replay, or a second instance reading the same events, adds nothing. Reset empties only the fold
 * (subscriptions, deployments), never the outbox: a reset processor refolds and re-inserts nothing new.
 */
@ProcessingGroup(NotificationOutbox.NAME)
public class NotificationOutbox {
    public static final String NAME = "notifications";

    private final JdbcTemplate jdbc;
    private final WebhookPayloads payloads;

    public NotificationOutbox(JdbcTemplate jdbc, WebhookPayloads payloads) {
        this.jdbc = jdbc;
        this.payloads = payloads;
    }

    @EventHandler
    void on(WebhookSubscriptionCreated e) {
        upsert(e.subscription());
    }

    @EventHandler
    void on(WebhookSubscriptionUpdated e) {
        upsert(e.after());
        if (e.before().secretRef() != null && !e.before().secretRef().equals(e.after().secretRef())) {
            forgetSecret(e.before().secretRef());
        }
    }

    @EventHandler
    void on(WebhookSubscriptionDeleted e) {
        jdbc.update("DELETE FROM notify_subscription WHERE subscription_id = ?", e.subscription().id());
        forgetSecret(e.subscription().secretRef());
    }

    /** A replaced or deleted subscription's secret leaves the database (a replay deletes nothing more). */
    private void forgetSecret(String ref) {
        if (ref != null) {
            jdbc.update("DELETE FROM notify_secret WHERE secret_ref = ?", ref);
        }
    }

    @EventHandler
    void on(DeploymentAccepted e) {
        jdbc.update("""
                INSERT INTO notify_deployment (deployment_id, deployment_kind, service_name, environment,
                    delivery_group_id, version, rollback_of, requested_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", e.deploymentId(),
                e.change().kind().name(), e.placement().service(), e.placement().environment(),
                e.placement().deliveryGroupId(), e.change().version(), e.change().rollbackOf(), requester(e));
    }

    /*
     * One handler per event type NotificationFacts knows, not one for every event: a tracking processor
     * deserializes only the events a handler takes, and this processor reads the whole store (decision 180).
     */
    @EventHandler
    void on(EngineExecutionStarted e, EventMessage<?> message) {
        notify(e, message);
    }

    @EventHandler
    void on(DeploymentSucceeded e, EventMessage<?> message) {
        notify(e, message);
    }

    @EventHandler
    void on(DeploymentFailed e, EventMessage<?> message) {
        notify(e, message);
    }

    @EventHandler
    void on(DeploymentRolledBackByEngine e, EventMessage<?> message) {
        notify(e, message);
    }

    @EventHandler
    void on(ApprovalRequested e, EventMessage<?> message) {
        notify(e, message);
    }

    @EventHandler
    void on(DeploymentApprovalGranted e, EventMessage<?> message) {
        notify(e, message);
    }

    @EventHandler
    void on(DeploymentRejected e, EventMessage<?> message) {
        notify(e, message);
    }

    @EventHandler
    void on(DeploymentApprovalExpired e, EventMessage<?> message) {
        notify(e, message);
    }

    @EventHandler
    void on(FreezeOverridden e, EventMessage<?> message) {
        notify(e, message);
    }

    /** A notification, sent to the subscriptions that want it; with no subscription there is nothing to match. */
    private void notify(Object payload, EventMessage<?> message) {
        List<WebhookSubscription> subscriptions = subscriptions();
        if (subscriptions.isEmpty()) {
            return;
        }
        Optional<Notification> notification = NotificationFacts.of(payload, message.getIdentifier(),
                message.getTimestamp(), this::deployment);
        if (notification.isEmpty()) {
            return;
        }
        Notification n = notification.get();
        for (WebhookSubscription s : subscriptions) {
            if (s.wants(n.eventType(), n.deployment().deliveryGroupId())) {
                String deliveryId = deliveryId(n.eventId(), s.id());
                jdbc.update("""
                        INSERT INTO notify_outbox (delivery_id, event_id, subscription_id, event_type, deployment_id,
                            body, status, attempts, next_attempt_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT DO NOTHING""", deliveryId,
                        n.eventId(), s.id(), n.eventType(), n.deployment().id(),
                        payloads.render(s.format(), deliveryId, n), Timestamp.from(message.getTimestamp()),
                        Timestamp.from(message.getTimestamp()));
            }
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM notify_subscription");
        jdbc.update("DELETE FROM notify_deployment");
    }

    /** The same (event, subscription) always has the same delivery id, which the receiver can de-duplicate on. */
    static String deliveryId(String eventId, String subscriptionId) {
        return UUID.nameUUIDFromBytes((eventId + "\n" + subscriptionId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void upsert(WebhookSubscription s) {
        jdbc.update("DELETE FROM notify_subscription WHERE subscription_id = ?", s.id());
        jdbc.update("""
                INSERT INTO notify_subscription (subscription_id, url, event_types, delivery_groups, format,
                    secret_ref, enabled) VALUES (?, ?, ?, ?, ?, ?, ?)""", s.id(), s.url(),
                String.join(",", s.eventTypes()), String.join(",", s.deliveryGroups()), s.format(), s.secretRef(),
                s.enabled());
    }

    private List<WebhookSubscription> subscriptions() {
        return jdbc.query("SELECT * FROM notify_subscription ORDER BY subscription_id", (rs, i) ->
                new WebhookSubscription(rs.getString("subscription_id"), rs.getString("url"),
                        list(rs.getString("event_types")), list(rs.getString("delivery_groups")),
                        rs.getString("format"), rs.getString("secret_ref"), null, rs.getBoolean("enabled"),
                        null, null, null, null));
    }

    private Optional<DeploymentFacts> deployment(String id) {
        return jdbc.query("SELECT * FROM notify_deployment WHERE deployment_id = ?", (rs, i) ->
                new DeploymentFacts(rs.getString("deployment_id"), rs.getString("deployment_kind"),
                        rs.getString("service_name"), rs.getString("environment"),
                        rs.getString("delivery_group_id"), rs.getString("version"), rs.getString("rollback_of"),
                        rs.getString("requested_by")), id).stream().findFirst();
    }

    private static String requester(DeploymentAccepted e) {
        if (e.submission() == null || e.submission().actor() == null) {
            return null;
        }
        var actor = e.submission().actor();
        return actor.email() != null && !actor.email().isBlank() ? actor.email() : actor.actorId();
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
