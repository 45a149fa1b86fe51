package dev.dxcp.events.deployment;

/**
 * A request to run a version that already succeeded in one environment in the next one (api-contract §6).
 * The recipe is not chosen by the caller: the target environment's route decides.
 */
public record PromotionIntent(String service, String sourceEnvironment, String targetEnvironment, String version,
                              String changeSummary) {
}
