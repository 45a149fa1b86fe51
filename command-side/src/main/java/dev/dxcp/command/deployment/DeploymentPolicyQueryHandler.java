package dev.dxcp.command.deployment;

import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.events.configuration.ConfigurationQueries.ResolveServiceEnvironment;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import org.axonframework.queryhandling.QueryHandler;

/** The deploy policy's answers to the edge: where a service may deploy, refused as a deploy would be. */
public class DeploymentPolicyQueryHandler {
    private final DeliveryConfigurationView configuration;

    public DeploymentPolicyQueryHandler(DeliveryConfigurationView configuration) {
        this.configuration = configuration;
    }

    @QueryHandler
    public Environment handle(ResolveServiceEnvironment query) {
        DeliveryConfigurationState state = configuration.current();
        DeliveryGroup group = DeploymentPolicy.deliveryGroupOf(query.service(), state);
        return DeploymentPolicy.environmentFor(group, query.environmentId(), state);
    }
}
