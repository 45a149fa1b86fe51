package dev.dxcp.command.deployment;

import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.deployment.PromotionIntent;

import java.util.List;

/**
 * A promotion's checks before the replay step, in the order of api-contract §6 (governance §5 applied
 * "analogously"): a target other than the source; the service's group and both environments (403);
 * the path along the group's promotion order (domain §14); then, exactly as a deploy into the target
 * without a recipeId, the target's routed recipe, the recipe permitted by the group (403) and
 * compatibility (400); the version registered; and a SUCCEEDED record of it in the source.
 */
public class PromotionPolicy {
    private final DeploymentPolicy deploys;
    private final RegisteredBuilds builds;
    private final SourceSuccess sourceSuccess;
    private final boolean allowJumps;

    /**
     * @param allowJumps the "allow jumps" setting (domain §14, default off): the target may be any later
     *                   environment of the order, not only the next one
     */
    public PromotionPolicy(DeploymentPolicy deploys, RegisteredBuilds builds, SourceSuccess sourceSuccess,
                           boolean allowJumps) {
        this.deploys = deploys;
        this.builds = builds;
        this.sourceSuccess = sourceSuccess;
        this.allowJumps = allowJumps;
    }

    /** What a promotion resolved to: the deploy into the target, and the registered build it runs. */
    public record Promotable(Resolution target, BuildRecord build) {
    }

    public Promotable check(PromotionIntent intent, DeliveryConfigurationState config) {
        String source = intent.sourceEnvironment();
        String target = intent.targetEnvironment();
        if (target == null || target.isBlank() || target.equals(source)) {
            throw PolicyDenials.of(ErrorCode.PROMOTION_TARGET_REQUIRED,
                    "A target environment different from the source environment is required", null);
        }
        DeliveryGroup group = DeploymentPolicy.deliveryGroupOf(intent.service(), config);
        DeploymentPolicy.environmentFor(group, source, config);
        DeploymentPolicy.environmentFor(group, target, config);
        onPromotionPath(group, source, target, config);
        Resolution resolution = deploys.resolve(intent.service(), target, intent.version(), null, config);
        BuildRecord build = builds.registered(intent.service(), intent.version());
        if (!sourceSuccess.succeeded(intent.service(), source, intent.version())) {
            throw PolicyDenials.of(ErrorCode.PROMOTION_VERSION_INELIGIBLE, "Version " + intent.version()
                    + " has not succeeded in " + source + ": deploy it there successfully before promoting it", null);
        }
        return new Promotable(resolution, build);
    }

    /** domain §14: the next environment of the group's order, or with jumps allowed any later one. */
    void onPromotionPath(DeliveryGroup group, String source, String target, DeliveryConfigurationState config) {
        List<String> order = config.promotionOrder(group.id());
        int from = order.indexOf(source);
        int to = order.indexOf(target);
        boolean allowed = from >= 0 && (to == from + 1 || allowJumps && to > from);
        if (!allowed) {
            throw PolicyDenials.of(ErrorCode.PROMOTION_PATH_NOT_ALLOWED, "Promotion from " + source
                    + " to " + target + " does not follow the delivery group's promotion order",
                    "Promotion order of " + group.id() + ": " + String.join(" -> ", order)
                            + (allowJumps ? "" : " (jumps are not allowed)"));
        }
    }
}
