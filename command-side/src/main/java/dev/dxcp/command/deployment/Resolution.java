package dev.dxcp.command.deployment;

import dev.dxcp.command.configuration.EffectiveGuardrails;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.ServiceRoute;
import dev.dxcp.events.registry.ServiceEntry;

/** What an intent resolved to once the policy and compatibility steps passed. */
public record Resolution(ServiceEntry service, DeliveryGroup group, Environment environment, Recipe recipe,
                         ServiceRoute route, EffectiveGuardrails guardrails) {

    public String laneId() {
        return dev.dxcp.events.deployment.DeploymentCommands.laneId(group.id(), environment.id());
    }
}
