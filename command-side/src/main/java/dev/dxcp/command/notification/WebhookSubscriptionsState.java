package dev.dxcp.command.notification;

import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionCreated;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionDeleted;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionUpdated;
import dev.dxcp.events.notification.WebhookSubscription;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The webhook subscriptions in force: the fold of the aggregate and of the per-request view. */
public record WebhookSubscriptionsState(Map<String, WebhookSubscription> byId) {
    public static final WebhookSubscriptionsState EMPTY = new WebhookSubscriptionsState(Map.of());

    public Optional<WebhookSubscription> subscription(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<WebhookSubscription> sorted() {
        return byId.values().stream().sorted(Comparator.comparing(WebhookSubscription::id)).toList();
    }

    public WebhookSubscriptionsState apply(Object event) {
        Map<String, WebhookSubscription> next = new LinkedHashMap<>(byId);
        if (event instanceof WebhookSubscriptionCreated e) {
            next.put(e.subscription().id(), e.subscription());
        } else if (event instanceof WebhookSubscriptionUpdated e) {
            next.put(e.after().id(), e.after());
        } else if (event instanceof WebhookSubscriptionDeleted e) {
            next.remove(e.subscription().id());
        } else {
            return this;
        }
        return new WebhookSubscriptionsState(Map.copyOf(next));
    }
}
