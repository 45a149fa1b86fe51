package dev.dxcp.events.registry;

import java.util.List;

/**
 * One allowlisted service (domain-and-state §15). {@code allowedRecipes} empty means no recipe is
 * compatible; {@code allowedEnvironments} is informational only (groups authorize environments).
 */
public record ServiceEntry(String serviceName, List<String> allowedEnvironments, List<String> allowedRecipes,
                           List<String> allowedArtifactSources, String stableServiceUrlTemplate,
                           String backstageEntityRef, String backstageEntityUrl) {
    public ServiceEntry {
        allowedEnvironments = allowedEnvironments == null ? List.of() : List.copyOf(allowedEnvironments);
        allowedRecipes = allowedRecipes == null ? List.of() : List.copyOf(allowedRecipes);
        allowedArtifactSources = allowedArtifactSources == null ? List.of() : List.copyOf(allowedArtifactSources);
    }
}
