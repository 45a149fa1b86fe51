package dev.dxcp.saga.deployment;

import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;

import java.util.Optional;

/**
 * The artifact checks before any trigger: the registered object is still in the store
 * (ARTIFACT_NOT_FOUND otherwise, e.g. after retention expiry) and still matches the registered size
 * and sha256 (an ARTIFACT failure otherwise). A store that cannot be asked does not block the trigger.
 */
public interface ArtifactCheck {
    Optional<EngineCommands.Refusal> beforeTrigger(DeploymentAccepted deployment);
}
