package dev.dxcp.command.notification;

import dev.dxcp.command.common.AggregateStreamView;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.notification.NotificationMessages.CheckWebhookSubscription;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionCheck;
import dev.dxcp.events.notification.NotificationMessages;
import dev.dxcp.events.notification.NotificationMessages.ListWebhookSubscriptions;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionList;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The subscriptions held in memory, for the admin endpoints: a change made on this instance is read back at
 * once; one made on another instance within DXCP_SETTINGS_FOLLOW ({@code FollowedStreams}, decision 150).
 */
public class WebhookSubscriptionsView {
    private final AggregateStreamView<WebhookSubscriptionsState> stream;

    private final DeliveryConfigurationView configuration;

    public WebhookSubscriptionsView(EventStore eventStore, DeliveryConfigurationView configuration) {
        this.configuration = configuration;
        this.stream = new AggregateStreamView<>(eventStore, NotificationMessages.SUBSCRIPTIONS_ID,
                WebhookSubscriptionsState.EMPTY, WebhookSubscriptionsState::apply);
    }

    /** Folds what other instances appended since the last catch-up. */
    public void catchUp() {
        stream.catchUp();
    }

    @QueryHandler
    public WebhookSubscriptionList handle(ListWebhookSubscriptions query) {
        return new WebhookSubscriptionList(stream.current().sorted());
    }

    @QueryHandler
    public WebhookSubscriptionCheck handle(CheckWebhookSubscription query) {
        try {
            WebhookSubscriptionRules.check(query.subscription(), configuration.current());
            return new WebhookSubscriptionCheck(null);
        } catch (Rejection rejection) {
            return new WebhookSubscriptionCheck(rejection.getMessage());
        }
    }
}
