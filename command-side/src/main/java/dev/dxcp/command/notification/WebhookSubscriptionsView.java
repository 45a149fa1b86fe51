package dev.dxcp.command.notification;

import dev.dxcp.command.common.AggregateStreamView;
import dev.dxcp.events.notification.NotificationMessages;
import dev.dxcp.events.notification.NotificationMessages.ListWebhookSubscriptions;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionList;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;

/** The subscriptions as committed right now, for the admin endpoints (read-your-writes on every instance). */
public class WebhookSubscriptionsView {
    private final AggregateStreamView<WebhookSubscriptionsState> stream;

    public WebhookSubscriptionsView(EventStore eventStore) {
        this.stream = new AggregateStreamView<>(eventStore, NotificationMessages.SUBSCRIPTIONS_ID,
                WebhookSubscriptionsState.EMPTY, WebhookSubscriptionsState::apply);
    }

    @QueryHandler
    public WebhookSubscriptionList handle(ListWebhookSubscriptions query) {
        return new WebhookSubscriptionList(stream.current().sorted());
    }
}
