package dev.dxcp.server.wiring;

import dev.dxcp.command.configuration.ConfigurationQueryHandler;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.query.deployment.JdbcDeploymentReferences;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.configuration.DeliveryConfigurationSeeder;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** Delivery configuration: the per-request view, the deployment-history port and first-start seeding. */
@Configuration
public class ConfigurationWiring {
    @Bean
    public DeliveryConfigurationView deliveryConfigurationView(EventStore eventStore) {
        return new DeliveryConfigurationView(eventStore);
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
