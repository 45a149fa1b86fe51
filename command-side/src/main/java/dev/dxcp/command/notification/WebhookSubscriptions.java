package dev.dxcp.command.notification;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.MetaKeys;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.notification.NotificationMessages;
import dev.dxcp.events.notification.NotificationMessages.CreateWebhookSubscription;
import dev.dxcp.events.notification.NotificationMessages.DeleteWebhookSubscription;
import dev.dxcp.events.notification.NotificationMessages.UpdateWebhookSubscription;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionCreated;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionDeleted;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionUpdated;
import dev.dxcp.events.notification.WebhookSubscription;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The webhook subscriptions, one singleton (docs/GOVERNANCE.md "Notifications"). Every change is an event
 * with who made it in its metadata, so each is audited and the outbox processor reads them in order with
 * the deployment events they apply to. Secrets are references only ({@code secretRef}).
 */
@Aggregate(snapshotTriggerDefinition = "dxcpSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class WebhookSubscriptions {
    @AggregateIdentifier
    private String subscriptionsId;
    private WebhookSubscriptionsState state = WebhookSubscriptionsState.EMPTY;

    public WebhookSubscriptions() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public WebhookSubscription handle(CreateWebhookSubscription command, DeliveryConfigurationView configuration,
                                      @MetaDataValue(MetaKeys.ACTOR_ID) String actor) {
        WebhookSubscription proposed = command.subscription();
        WebhookSubscriptionRules.check(proposed, configuration.current());
        if (state.subscription(proposed.id()).isPresent()) {
            throw new Rejection(ErrorCode.NOTIFICATION_SUBSCRIPTION_EXISTS,
                    "Webhook subscription " + proposed.id() + " already exists");
        }
        WebhookSubscription created = new WebhookSubscription(proposed.id(), proposed.url(), proposed.eventTypes(),
                proposed.deliveryGroups(), proposed.format(), proposed.secretRef(), proposed.description(),
                proposed.enabled(), command.at(), actor, command.at(), actor);
        apply(new WebhookSubscriptionCreated(created));
        return created;
    }

    /** Every write is applied, even unchanged, so each is audited like the other admin writes. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public WebhookSubscription handle(UpdateWebhookSubscription command, DeliveryConfigurationView configuration,
                                      @MetaDataValue(MetaKeys.ACTOR_ID) String actor) {
        WebhookSubscription before = existing(command.subscription().id());
        WebhookSubscription proposed = command.subscription();
        WebhookSubscriptionRules.check(proposed, configuration.current());
        WebhookSubscription after = new WebhookSubscription(before.id(), proposed.url(), proposed.eventTypes(),
                proposed.deliveryGroups(), proposed.format(),
                command.keepSecret() ? before.secretRef() : proposed.secretRef(), proposed.description(),
                proposed.enabled(), before.createdAt(), before.createdBy(), command.at(), actor);
        apply(new WebhookSubscriptionUpdated(before, after));
        return after;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeleteWebhookSubscription command) {
        apply(new WebhookSubscriptionDeleted(existing(command.subscriptionId()), command.at()));
    }

    private WebhookSubscription existing(String id) {
        return state.subscription(id).orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND,
                "Webhook subscription not found"));
    }

    private void remember(Object event) {
        subscriptionsId = NotificationMessages.SUBSCRIPTIONS_ID;
        state = state.apply(event);
    }

    @EventSourcingHandler
    void on(WebhookSubscriptionCreated event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(WebhookSubscriptionUpdated event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(WebhookSubscriptionDeleted event) {
        remember(event);
    }
}
