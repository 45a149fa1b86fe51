package dev.dxcp.query.audit;

import dev.dxcp.events.audit.AuditEvent;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionCreated;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionDeleted;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionUpdated;
import dev.dxcp.events.notification.WebhookSubscription;

import java.time.Instant;
import java.util.List;

/**
 * Webhook subscriptions in the audit (docs/GOVERNANCE.md "Notifications"): ADMIN_CREATE / ADMIN_UPDATE /
 * ADMIN_DELETE of a WebhookSubscription. The summary names the URL's host only (a path may hold a token,
 * as Slack's incoming webhook URLs do), and whether a secret is set, never the secret.
 */
final class NotificationAuditEntries {
    static final String TARGET = "WebhookSubscription";

    private NotificationAuditEntries() {
    }

    static List<AuditEvent> of(Object payload, String eventId, Instant eventTime, AuditActor actor) {
        if (payload instanceof WebhookSubscriptionCreated e) {
            WebhookSubscription s = e.subscription();
            return List.of(entry("ADMIN_CREATE", s, eventId, s.createdAt(), eventTime, actor,
                    "Created webhook subscription " + s.id() + " " + describe(s)));
        }
        if (payload instanceof WebhookSubscriptionUpdated e) {
            WebhookSubscription s = e.after();
            String secret = e.before().secretRef() == null ? (s.secretRef() == null ? "" : ", secret set")
                    : s.secretRef() == null ? ", secret removed"
                    : e.before().secretRef().equals(s.secretRef()) ? "" : ", secret replaced";
            return List.of(entry("ADMIN_UPDATE", s, eventId, s.updatedAt(), eventTime, actor,
                    "Updated webhook subscription " + s.id() + " " + describe(s) + secret));
        }
        if (payload instanceof WebhookSubscriptionDeleted e) {
            WebhookSubscription s = e.subscription();
            return List.of(entry("ADMIN_DELETE", s, eventId, e.at(), eventTime, actor,
                    "Deleted webhook subscription " + s.id()));
        }
        return List.of();
    }

    private static AuditEvent entry(String type, WebhookSubscription s, String eventId, Instant at, Instant eventTime,
                                    AuditActor actor, String summary) {
        String group = s.deliveryGroups().size() == 1 ? s.deliveryGroups().get(0) : null;
        return new AuditEvent(eventId, type, actor.id(), actor.role(), TARGET, s.id(), at != null ? at : eventTime,
                "SUCCESS", summary, group, null, null);
    }

    private static String describe(WebhookSubscription s) {
        return "to " + host(s.url()) + " (" + s.format() + (s.enabled() ? "" : ", disabled") + ") for "
                + String.join(", ", s.eventTypes()) + " in "
                + (s.deliveryGroups().isEmpty() ? "every delivery group" : String.join(", ", s.deliveryGroups()))
                + (s.secretRef() == null ? ", unsigned" : ", signed");
    }

    private static String host(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "an invalid URL";
        }
    }
}
