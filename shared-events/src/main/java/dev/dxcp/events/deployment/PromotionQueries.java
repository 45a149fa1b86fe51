package dev.dxcp.events.deployment;

import dev.dxcp.events.deployment.DeploymentQueries.RunningState;

/** What delivery-status shows about promoting a service onward (domain §14), answered by configuration. */
public final class PromotionQueries {
    private PromotionQueries() {
    }

    /** delivery-status's promotion candidate, given what runs in the source environment (may be null). */
    public record PromotionCandidateOf(String service, String deliveryGroupId, String sourceEnvironment,
                                       RunningState running) {
    }

    /**
     * The next environment in the group's promotion order (domain §14): eligible with its version and
     * recipe, or the reason it is not; {@code targetEnvironment} null when there is no next environment.
     */
    public record PromotionCandidate(boolean eligible, String reason, String sourceEnvironment,
                                     String targetEnvironment, String version, String recipeId) {
    }
}
