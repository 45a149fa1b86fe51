package dev.dxcp.events.configuration;

/**
 * A recipe as an admin submitted it (api-contract §9): strings as sent (numbers in their string
 * form), null when absent or null. The rules trim, check and default them.
 */
public record RecipeSpec(String id, String name, String description, String spinnakerApplication,
                         String deployPipeline, String rollbackPipeline, String status,
                         String effectiveBehaviorSummary) {
}
