package dev.dxcp.server.http.openapi;

import java.util.List;

import static dev.dxcp.server.http.openapi.ApiRoute.ADM;
import static dev.dxcp.server.http.openapi.ApiRoute.delete;
import static dev.dxcp.server.http.openapi.ApiRoute.get;
import static dev.dxcp.server.http.openapi.ApiRoute.post;
import static dev.dxcp.server.http.openapi.ApiRoute.put;

/** Notifications (docs/GOVERNANCE.md "Notifications"): webhook subscriptions and their delivery log. */
final class NotificationRoutes {
    private static final String TAG = "Notifications";
    private static final String ROLE = "403 ROLE_FORBIDDEN";
    private static final String PATH = "/v1/admin/notifications/subscriptions";

    private NotificationRoutes() {
    }

    static List<ApiRoute> all() {
        return List.of(
                get(PATH).tag(TAG).roles(ADM).summary("Webhook subscriptions (secrets never shown)")
                        .ok(200, "WebhookSubscriptionList").errors(ROLE),
                post(PATH).tag(TAG).roles(ADM).killSwitch().body("WebhookSubscriptionBody")
                        .summary("Subscribe a webhook to deployment events").ok(201, "WebhookSubscription")
                        .errors(ROLE, "400 INVALID_REQUEST", "409 NOTIFICATION_SUBSCRIPTION_EXISTS"),
                get(PATH + "/{id}").tag(TAG).roles(ADM).summary("One webhook subscription")
                        .ok(200, "WebhookSubscription").errors(ROLE, "404 NOT_FOUND"),
                put(PATH + "/{id}").tag(TAG).roles(ADM).killSwitch().body("WebhookSubscriptionBody")
                        .summary("Replace a subscription's settings (secret absent: kept; null: removed)")
                        .ok(200, "WebhookSubscription").errors(ROLE, "400 INVALID_REQUEST", "404 NOT_FOUND"),
                delete(PATH + "/{id}").tag(TAG).roles(ADM).killSwitch().summary("Delete a webhook subscription")
                        .ok(204, null).errors(ROLE, "404 NOT_FOUND"),
                get(PATH + "/{id}/deliveries").tag(TAG).roles(ADM)
                        .summary("A subscription's latest deliveries: status, attempts, next attempt, last error")
                        .ok(200, "WebhookDeliveryLog").errors(ROLE, "400 INVALID_REQUEST", "404 NOT_FOUND"));
    }
}
