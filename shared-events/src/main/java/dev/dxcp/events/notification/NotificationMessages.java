package dev.dxcp.events.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Webhook subscriptions and their deliveries (docs/GOVERNANCE.md "Notifications"). One
 * {@code WebhookSubscriptions} aggregate holds the subscriptions, so every change is an audited event.
 */
public final class NotificationMessages {
    public static final String SUBSCRIPTIONS_ID = "webhook-subscriptions";

    private NotificationMessages() {
    }

    // ---- commands ----

    /** Keeps a subscription's secret where only the dispatcher reads it; answers the reference to put in events. */
    public record StoreWebhookSecret(String value) {
    }

    /** {@code createdAt/createdBy/updatedAt/updatedBy} are filled by the aggregate. */
    public record CreateWebhookSubscription(@TargetAggregateIdentifier String subscriptionsId,
                                            WebhookSubscription subscription, Instant at) {
        public CreateWebhookSubscription(WebhookSubscription subscription, Instant at) {
            this(SUBSCRIPTIONS_ID, subscription, at);
        }
    }

    /**
     * Replaces a subscription's settings.
     *
     * @param keepSecret true: the secret in force stays and {@code subscription.secretRef} is ignored
     */
    public record UpdateWebhookSubscription(@TargetAggregateIdentifier String subscriptionsId,
                                            WebhookSubscription subscription, boolean keepSecret, Instant at) {
        public UpdateWebhookSubscription(WebhookSubscription subscription, boolean keepSecret, Instant at) {
            this(SUBSCRIPTIONS_ID, subscription, keepSecret, at);
        }
    }

    public record DeleteWebhookSubscription(@TargetAggregateIdentifier String subscriptionsId, String subscriptionId,
                                            Instant at) {
        public DeleteWebhookSubscription(String subscriptionId, Instant at) {
            this(SUBSCRIPTIONS_ID, subscriptionId, at);
        }
    }

    // ---- events ----

    public record WebhookSubscriptionCreated(WebhookSubscription subscription) {
    }

    public record WebhookSubscriptionUpdated(WebhookSubscription before, WebhookSubscription after) {
    }

    public record WebhookSubscriptionDeleted(WebhookSubscription subscription, Instant at) {
    }

    // ---- queries ----

    /**
     * Would this subscription be accepted now? Asked before its secret is stored, so a refused body leaves no
     * secret behind; the aggregate decides again on the command.
     */
    public record CheckWebhookSubscription(WebhookSubscription subscription) {
    }

    /** @param problem null when the subscription is acceptable, else why not (400 INVALID_REQUEST) */
    public record WebhookSubscriptionCheck(String problem) {
    }

    public record ListWebhookSubscriptions() {
    }

    public record WebhookSubscriptionList(List<WebhookSubscription> subscriptions) {
    }

    /** The latest deliveries of one subscription, newest first. */
    public record ListWebhookDeliveries(String subscriptionId, int limit) {
    }

    public record WebhookDeliveryLog(List<WebhookDelivery> deliveries) {
    }

    /**
     * One (event, subscription) in the outbox.
     *
     * @param status         {@code pending}, {@code delivered}, {@code failed} (attempts exhausted) or
     *                       {@code canceled} (the subscription was deleted or disabled before it was sent)
     * @param lastError      a short, sanitized reason of the last failed attempt (no secrets, at most an
     *                       excerpt of the receiver's answer)
     */
    public record WebhookDelivery(String deliveryId, String eventId, String eventType, String deploymentId,
                                  String status, int attempts, Integer lastStatusCode, String lastError,
                                  Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt,
                                  Instant createdAt) {
    }
}
