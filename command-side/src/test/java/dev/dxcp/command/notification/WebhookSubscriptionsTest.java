package dev.dxcp.command.notification;

import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.ConfigurationEvents;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.notification.NotificationMessages.CreateWebhookSubscription;
import dev.dxcp.events.notification.NotificationMessages.DeleteWebhookSubscription;
import dev.dxcp.events.notification.NotificationMessages.UpdateWebhookSubscription;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionCreated;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionDeleted;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionUpdated;
import dev.dxcp.events.notification.WebhookSubscription;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook subscriptions aggregate's decisions, given-when-then (docs/GOVERNANCE.md "Notifications"). */
class WebhookSubscriptionsTest {
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    private static final Map<String, Object> BY_ADMIN = Map.of("actor_id", "admin@example.com");

    private final EmbeddedEventStore configurationStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private AggregateTestFixture<WebhookSubscriptions> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WebhookSubscriptions.class);
        fixture.registerInjectableResource(new DeliveryConfigurationView(configurationStore));
        configurationStore.publish(new GenericDomainEventMessage<>("DeliveryConfiguration",
                ConfigurationEvents.CONFIGURATION_ID, 0, new DeliveryGroupCreated(new DeliveryGroup("payments",
                "Payments", null, "a@example.com", List.of("svc"), null, List.of("default"), null, T0, "admin", T0,
                "admin", null))));
    }

    static WebhookSubscription proposed(String id, String url, String secretRef) {
        return new WebhookSubscription(id, url, List.of("DEPLOYMENT_FAILED"), List.of("payments"), "slack",
                secretRef, null, true, null, null, null, null);
    }

    static WebhookSubscription stored(String id, String url, String secretRef, Instant updatedAt) {
        return new WebhookSubscription(id, url, List.of("DEPLOYMENT_FAILED"), List.of("payments"), "slack",
                secretRef, null, true, T0, "admin@example.com", updatedAt, "admin@example.com");
    }

    @Test
    void aValidSubscriptionIsCreated_withWhoCreatedItAndWhen() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhookSubscription(proposed("ops", "https://hooks.example.com/x", "notify:1"), T0),
                        BY_ADMIN)
                .expectEvents(new WebhookSubscriptionCreated(stored("ops", "https://hooks.example.com/x", "notify:1",
                        T0)))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.instanceOf(WebhookSubscription.class));
    }

    @Test
    void aSecondSubscriptionWithTheSameId_isRefusedWithNotificationSubscriptionExists() {
        fixture.given(new WebhookSubscriptionCreated(stored("ops", "https://a.example.com", null, T0)))
                .when(new CreateWebhookSubscription(proposed("ops", "https://b.example.com", null), T1), BY_ADMIN)
                .expectException(Rejection.class)
                .expectExceptionMessage("Webhook subscription ops already exists")
                .expectNoEvents();
        assertThat(ErrorCode.NOTIFICATION_SUBSCRIPTION_EXISTS.status()).isEqualTo(409);
    }

    @Test
    void onlyAbsoluteHttpOrHttpsUrlsWithoutCredentials_areAccepted() {
        for (String bad : List.of("ftp://example.com/x", "file:///etc/passwd", "/relative", "https://user:pw@example.com",
                "not a url", "https:///nohost")) {
            fixture.givenNoPriorActivity()
                    .when(new CreateWebhookSubscription(proposed("ops", bad, null), T0), BY_ADMIN)
                    .expectException(Rejection.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith("url "))
                    .expectNoEvents();
        }
    }

    @Test
    void unknownEventTypesAndUnknownDeliveryGroups_areRefused() {
        WebhookSubscription unknownType = new WebhookSubscription("ops", "https://a.example.com",
                List.of("DEPLOYMENT_EXPLODED"), List.of(), "json", null, null, true, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new CreateWebhookSubscription(unknownType, T0), BY_ADMIN)
                .expectExceptionMessage("events: unknown event type DEPLOYMENT_EXPLODED");
        WebhookSubscription unknownGroup = new WebhookSubscription("ops", "https://a.example.com",
                List.of("DEPLOYMENT_FAILED"), List.of("nope"), "json", null, null, true, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new CreateWebhookSubscription(unknownGroup, T0), BY_ADMIN)
                .expectExceptionMessage("delivery_groups: nope is not a delivery group");
    }

    @Test
    void anUpdateWithoutASecret_keepsTheSecretInForce_andRecordsBeforeAndAfter() {
        WebhookSubscription before = stored("ops", "https://a.example.com", "notify:1", T0);
        fixture.given(new WebhookSubscriptionCreated(before))
                .when(new UpdateWebhookSubscription(proposed("ops", "https://b.example.com", null), true, T1), BY_ADMIN)
                .expectEvents(new WebhookSubscriptionUpdated(before,
                        stored("ops", "https://b.example.com", "notify:1", T1)));
    }

    @Test
    void anUpdateSendingNoSecret_removesIt() {
        WebhookSubscription before = stored("ops", "https://a.example.com", "notify:1", T0);
        fixture.given(new WebhookSubscriptionCreated(before))
                .when(new UpdateWebhookSubscription(proposed("ops", "https://a.example.com", null), false, T1),
                        BY_ADMIN)
                .expectEvents(new WebhookSubscriptionUpdated(before, stored("ops", "https://a.example.com", null, T1)));
    }

    @Test
    void updatingOrDeletingAnUnknownSubscription_isNotFound() {
        fixture.givenNoPriorActivity()
                .when(new UpdateWebhookSubscription(proposed("ghost", "https://a.example.com", null), true, T0),
                        BY_ADMIN)
                .expectExceptionMessage("Webhook subscription not found");
        fixture.given(new WebhookSubscriptionCreated(stored("ops", "https://a.example.com", null, T0)),
                        new WebhookSubscriptionDeleted(stored("ops", "https://a.example.com", null, T0), T1))
                .when(new DeleteWebhookSubscription("ops", T1), BY_ADMIN)
                .expectException(Rejection.class)
                .expectNoEvents();
    }

    @Test
    void aDeletedSubscriptionIdCanBeUsedAgain() {
        WebhookSubscription old = stored("ops", "https://a.example.com", null, T0);
        fixture.given(new WebhookSubscriptionCreated(old), new WebhookSubscriptionDeleted(old, T0))
                .when(new CreateWebhookSubscription(proposed("ops", "https://b.example.com", null), T1), BY_ADMIN)
                .expectSuccessfulHandlerExecution();
    }
}
