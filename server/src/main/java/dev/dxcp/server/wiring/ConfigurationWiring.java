package dev.dxcp.server.wiring;

import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.command.configuration.EnvironmentReferences;
import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.configuration.DeliveryConfigurationSeeder;
import dev.dxcp.query.deployment.JdbcDeploymentReferences;
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

    @Bean
    public EnvironmentReferences environmentReferences(JdbcTemplate jdbc) {
        return new JdbcDeploymentReferences(jdbc)::deploymentsIn;
    }

    @Bean
    public DeliveryConfigurationSeeder deliveryConfigurationSeeder(CommandSender commands, ServiceRegistry registry,
                                                                   Clock clock) {
        return new DeliveryConfigurationSeeder(commands, registry, clock);
    }
}
