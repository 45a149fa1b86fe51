package dev.dxcp.saga.deployment;

import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;

/** An accepted deployment as the event store holds it: the first event of its stream. */
@FunctionalInterface
public interface DeploymentLookup {
    DeploymentAccepted accepted(String deploymentId);
}
