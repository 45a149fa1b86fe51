package dev.dxcp.events.configuration;

/** The recipe a service uses in an environment when a deploy intent names none (api-contract §5). */
public record ServiceRoute(String serviceId, String environmentId, String recipeId) {
}
