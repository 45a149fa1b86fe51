package dev.dxcp.server.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.command.notification.WebhookSubscriptionsView;
import dev.dxcp.notify.DeliveryLog;
import dev.dxcp.notify.NotificationOutbox;
import dev.dxcp.notify.NotifySettings;
import dev.dxcp.notify.WebhookDispatcher;
import dev.dxcp.notify.WebhookPayloads;
import dev.dxcp.notify.WebhookSecrets;
import dev.dxcp.notify.WebhookSender;
import dev.dxcp.server.config.InvalidSetting;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/** Notifications (docs/GOVERNANCE.md "Notifications"): subscriptions, the outbox processor, the dispatcher. */
@Configuration
public class NotificationWiring {

    @Bean
    public NotifySettings notifySettings(@Value("${dxcp.notify.max-attempts:8}") int maxAttempts,
                                         @Value("${dxcp.notify.first-retry:10s}") Duration firstRetry,
                                         @Value("${dxcp.notify.max-retry:30m}") Duration maxRetry,
                                         @Value("${dxcp.notify.connect-timeout:5s}") Duration connectTimeout,
                                         @Value("${dxcp.notify.read-timeout:10s}") Duration readTimeout,
                                         @Value("${dxcp.notify.poll-interval:1s}") Duration pollInterval) {
        if (maxAttempts < 1) {
            throw new InvalidSetting("DXCP_NOTIFY_MAX_ATTEMPTS", "must be at least 1, was " + maxAttempts);
        }
        positive("DXCP_NOTIFY_FIRST_RETRY", firstRetry);
        positive("DXCP_NOTIFY_MAX_RETRY", maxRetry);
        positive("DXCP_NOTIFY_CONNECT_TIMEOUT", connectTimeout);
        positive("DXCP_NOTIFY_READ_TIMEOUT", readTimeout);
        positive("DXCP_NOTIFY_POLL_INTERVAL", pollInterval);
        return new NotifySettings(maxAttempts, firstRetry, maxRetry, connectTimeout, readTimeout, pollInterval);
    }

    private static void positive(String setting, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new InvalidSetting(setting, "must be a positive duration, was " + value);
        }
    }

    @Bean
    public WebhookSubscriptionsView webhookSubscriptionsView(EventStore eventStore,
                                                             DeliveryConfigurationView configuration) {
        return new WebhookSubscriptionsView(eventStore, configuration);
    }

    @Bean
    public WebhookSecrets webhookSecrets(JdbcTemplate jdbc, Clock clock) {
        return new WebhookSecrets(jdbc, clock);
    }

    @Bean
    public NotificationOutbox notificationOutbox(JdbcTemplate jdbc, ObjectMapper json) {
        return new NotificationOutbox(jdbc, new WebhookPayloads(json));
    }

    @Bean
    public DeliveryLog deliveryLog(JdbcTemplate jdbc) {
        return new DeliveryLog(jdbc);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    public WebhookDispatcher webhookDispatcher(JdbcTemplate jdbc, WebhookSecrets secrets, NotifySettings settings,
                                               Clock clock) {
        return new WebhookDispatcher(jdbc, secrets,
                new WebhookSender(settings.connectTimeout(), settings.readTimeout()), settings, clock);
    }
}
