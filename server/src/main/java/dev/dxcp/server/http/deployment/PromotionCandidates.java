package dev.dxcp.server.http.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.command.configuration.EnvironmentAccess;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.ServiceRoute;
import dev.dxcp.events.deployment.DeploymentQueries.RunningState;

import java.util.List;
import java.util.Optional;

/**
 * delivery-status's promotion candidate (api-contract §4): the next environment in the group's
 * promotion order (domain §14), eligible when the source runs a successful version and the target
 * resolves for this service.
 */
public class PromotionCandidates {
    private final ObjectMapper json;

    public PromotionCandidates(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode candidate(String service, DeliveryGroup group, String source, RunningState running,
                                DeliveryConfigurationState config) {
        List<String> order = config.promotionOrder(group.id());
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
        EnvironmentAccess access = config.access(group.id(), target);
        if (access != EnvironmentAccess.USABLE) {
            return ineligible(access.code(), target);
        }
        Optional<ServiceRoute> route = config.route(service, target);
        if (route.isEmpty()) {
            return ineligible("SERVICE_ENVIRONMENT_NOT_ROUTED", target);
        }
        ObjectNode node = json.createObjectNode();
        node.put("eligible", true);
        node.put("source_environment", source);
        node.put("target_environment", target);
        node.put("version", running.version());
        node.put("recipeId", route.get().recipeId());
        return node;
    }

    private ObjectNode ineligible(String reason, String target) {
        ObjectNode node = json.createObjectNode();
        node.put("eligible", false);
        node.put("reason", reason);
        if (target != null) {
            node.put("target_environment", target);
        }
        return node;
    }
}
