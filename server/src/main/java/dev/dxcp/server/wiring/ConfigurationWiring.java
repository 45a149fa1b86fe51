package dev.dxcp.server.wiring;

import dev.dxcp.command.common.FollowedStreams;
import dev.dxcp.command.configuration.ConfigurationQueryHandler;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.command.governance.ChangeGovernanceView;
import dev.dxcp.command.notification.WebhookSubscriptionsView;
import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.query.deployment.JdbcDeploymentReferences;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.configuration.DeliveryConfigurationSeeder;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Delivery configuration: the in-memory view and what keeps it current, the deployment-history port and first-start seeding. */
@Configuration
public class ConfigurationWiring {
    @Bean
    public DeliveryConfigurationView deliveryConfigurationView(EventStore eventStore) {
        return new DeliveryConfigurationView(eventStore);
    }

    /**
     * Settings, configuration, change governance and webhook subscriptions changed on other instances apply
     * here within DXCP_SETTINGS_FOLLOW.
     */
    @Bean(destroyMethod = "close")
    public FollowedStreams followedStreams(SystemSettingsView settings, DeliveryConfigurationView configuration,
                                           ChangeGovernanceView governance, WebhookSubscriptionsView subscriptions,
                                           @Value("${dxcp.settings-follow:250ms}") Duration period) {
        return new FollowedStreams(List.of(settings::catchUp, configuration::catchUp, governance::catchUp,
                subscriptions::catchUp), period);
    }

    /** Asked before an environment patch or delete, so the aggregate decides without I/O (api-contract §10). */
    @Bean
    public JdbcDeploymentReferences deploymentReferences(JdbcTemplate jdbc) {
        return new JdbcDeploymentReferences(jdbc);
    }

    @Bean
    public ConfigurationQueryHandler configurationQueryHandler(DeliveryConfigurationView configuration,
                                                               ServiceRegistry registry) {
        return new ConfigurationQueryHandler(configuration, registry);
    }

    @Bean
    public DeliveryConfigurationSeeder deliveryConfigurationSeeder(CommandSender commands, ServiceRegistry registry,
                                                                   Clock clock) {
        return new DeliveryConfigurationSeeder(commands, registry, clock);
    }
}
