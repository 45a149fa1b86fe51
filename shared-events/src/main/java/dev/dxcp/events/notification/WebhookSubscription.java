package dev.dxcp.events.notification;

import java.time.Instant;
import java.util.List;

/**
 * A webhook an admin subscribed to deployment events (docs/GOVERNANCE.md "Notifications").
 *
 * @param eventTypes     names of {@link NotificationEventType}s, never empty
 * @param deliveryGroups the groups whose events it receives; empty = every group
 * @param format         {@code json} or {@code slack}
 * @param secretRef      where its HMAC secret is kept (never the secret itself); null = unsigned
 */
public record WebhookSubscription(String id, String url, List<String> eventTypes, List<String> deliveryGroups,
                                  String format, String secretRef, String description, boolean enabled,
                                  Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    public static final String JSON = "json";
    public static final String SLACK = "slack";

    public boolean wants(String eventType, String deliveryGroupId) {
        return enabled && eventTypes.contains(eventType)
                && (deliveryGroups.isEmpty() || deliveryGroups.contains(deliveryGroupId));
    }
}
