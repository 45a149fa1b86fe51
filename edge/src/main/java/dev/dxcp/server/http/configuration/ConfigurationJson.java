package dev.dxcp.server.http.configuration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.configuration.ConfigurationQueries.VisibleEnvironment;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.events.configuration.Recipe;
import org.springframework.stereotype.Component;

import java.util.List;

/** The exact JSON of delivery groups, recipes and environments (api-contract §8–§10). */
@Component
public class ConfigurationJson {
    static final String ENGINE_TYPE = "SPINNAKER";

    private final ObjectMapper json;

    public ConfigurationJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    ArrayNode array() {
        return json.createArrayNode();
    }

    /** GET fills missing guardrails with the defaults; POST/PUT echo what was stored ({@code fillDefaults} false). */
    ObjectNode group(DeliveryGroup group, boolean fillDefaults) {
        ObjectNode node = object();
        node.put("id", group.id());
        node.put("name", group.name());
        node.put("description", group.description());
        node.put("owner", group.owner());
        strings(node.putArray("services"), group.services());
        if (group.allowedEnvironments() == null) {
            node.putNull("allowed_environments");
        } else {
            strings(node.putArray("allowed_environments"), group.allowedEnvironments());
        }
        strings(node.putArray("allowed_recipes"), group.allowedRecipes());
        Guardrails rails = group.guardrails();
        if (fillDefaults) {
            rails = withDefaults(rails);
        }
        guardrails(node, rails);
        audit(node, group.createdAt(), group.createdBy(), group.updatedAt(), group.updatedBy());
        node.put("last_change_reason", group.lastChangeReason());
        return node;
    }

    private static Guardrails withDefaults(Guardrails rails) {
        Guardrails given = rails == null ? Guardrails.NONE : rails;
        return new Guardrails(
                given.maxConcurrentDeployments() != null ? given.maxConcurrentDeployments()
                        : Guardrails.DEFAULT_MAX_CONCURRENT,
                given.dailyDeployQuota() != null ? given.dailyDeployQuota() : Guardrails.DEFAULT_DAILY_DEPLOY_QUOTA,
                given.dailyRollbackQuota() != null ? given.dailyRollbackQuota()
                        : Guardrails.DEFAULT_DAILY_ROLLBACK_QUOTA);
    }

    /** The engine mapping is admin-only diagnostics (api-contract §9): the keys are omitted for others. */
    ObjectNode recipe(Recipe recipe, boolean admin) {
        ObjectNode node = object();
        node.put("id", recipe.id());
        node.put("name", recipe.name());
        node.put("description", recipe.description());
        node.put("engine_type", ENGINE_TYPE);
        if (admin) {
            node.put("spinnaker_application", recipe.spinnakerApplication());
            node.put("deploy_pipeline", recipe.deployPipeline());
            node.put("rollback_pipeline", recipe.rollbackPipeline());
        }
        node.put("recipe_revision", recipe.revision());
        node.put("effective_behavior_summary", recipe.effectiveBehaviorSummary());
        node.put("status", recipe.status());
        audit(node, recipe.createdAt(), recipe.createdBy(), recipe.updatedAt(), recipe.updatedBy());
        node.put("last_change_reason", recipe.lastChangeReason());
        return node;
    }

    ObjectNode environment(VisibleEnvironment row) {
        Environment environment = row.environment();
        ObjectNode node = object();
        node.put("id", environment.id());
        node.put("name", environment.id());
        node.put("display_name", environment.displayName());
        node.put("type", environment.type());
        node.put("lifecycle_state", environment.lifecycleState());
        node.put("promotion_order", row.promotionOrder());
        node.put("delivery_group_id", row.deliveryGroupId());
        node.put("is_enabled", row.enabled());
        guardrails(node, environment.guardrails());
        node.put("created_at", Timestamps.format(environment.createdAt()));
        node.put("updated_at", Timestamps.format(environment.updatedAt()));
        return node;
    }

    private void guardrails(ObjectNode node, Guardrails rails) {
        if (rails == null) {
            node.putNull("guardrails");
            return;
        }
        ObjectNode value = node.putObject("guardrails");
        value.put("max_concurrent_deployments", rails.maxConcurrentDeployments());
        value.put("daily_deploy_quota", rails.dailyDeployQuota());
        value.put("daily_rollback_quota", rails.dailyRollbackQuota());
    }

    private static void audit(ObjectNode node, java.time.Instant createdAt, String createdBy,
                              java.time.Instant updatedAt, String updatedBy) {
        node.put("created_at", Timestamps.format(createdAt));
        node.put("created_by", createdBy);
        node.put("updated_at", Timestamps.format(updatedAt));
        node.put("updated_by", updatedBy);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
