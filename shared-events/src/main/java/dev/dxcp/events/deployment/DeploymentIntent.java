package dev.dxcp.events.deployment;

/**
 * What an engineer wants deployed (seed 002 DeploymentIntent, api-contract §5). {@code recipeId} may be
 * null or empty: then the service's route for the environment decides.
 */
public record DeploymentIntent(String service, String environment, String version, String changeSummary,
                               String recipeId) {
}
