package dev.dxcp.command.configuration;

import dev.dxcp.events.configuration.DeploymentReferences;

/**
 * Port to the deployment history: which deployment records name an environment. The edge asks it
 * before sending an environment patch or delete, so the aggregate decides without doing I/O.
 */
public interface EnvironmentReferences {
    DeploymentReferences deploymentsIn(String environmentId);
}
