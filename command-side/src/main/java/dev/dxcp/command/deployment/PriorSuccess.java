package dev.dxcp.command.deployment;

import dev.dxcp.events.deployment.DeploymentRecord;

import java.util.Optional;

/**
 * Rollback's version source (governance §11): the newest SUCCEEDED record of the same service and
 * environment created strictly before the target. Answered by the deployment history read model.
 */
public interface PriorSuccess {
    Optional<DeploymentRecord> before(String service, String environment, String targetDeploymentId);
}
