package dev.dxcp.command.configuration;

import dev.dxcp.events.configuration.ServiceRoute;
import dev.dxcp.events.deployment.DeploymentQueries.RunningState;
import dev.dxcp.events.deployment.PromotionQueries.PromotionCandidate;

import java.util.List;
import java.util.Optional;

/**
 * delivery-status's promotion candidate (api-contract §4): the next environment in the group's
 * promotion order (domain §14), eligible when the source runs a successful version and the target
 * resolves for this service.
 */
final class PromotionCandidates {
    private PromotionCandidates() {
    }

    static PromotionCandidate candidate(String service, String groupId, String source, RunningState running,
                                        DeliveryConfigurationState config) {
        List<String> order = config.promotionOrder(groupId);
        int index = order.indexOf(source);
        if (index < 0) {
            return ineligible("PROMOTION_SOURCE_NOT_CONFIGURED", null);
        }
        if (index == order.size() - 1) {
            return ineligible("PROMOTION_AT_HIGHEST_ENVIRONMENT", null);
        }
        String target = order.get(index + 1);
        if (running == null) {
            return ineligible("PROMOTION_NO_SUCCESSFUL_SOURCE_VERSION", target);
        }
        EnvironmentAccess access = config.access(groupId, target);
        if (access != EnvironmentAccess.USABLE) {
            return ineligible(access.code(), target);
        }
        Optional<ServiceRoute> route = config.route(service, target);
        if (route.isEmpty()) {
            return ineligible("SERVICE_ENVIRONMENT_NOT_ROUTED", target);
        }
        return new PromotionCandidate(true, null, source, target, running.version(), route.get().recipeId());
    }

    private static PromotionCandidate ineligible(String reason, String target) {
        return new PromotionCandidate(false, reason, null, target, null, null);
    }
}
