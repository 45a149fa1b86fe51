package dev.dxcp.server.http.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.configuration.DeliveryGroupSpec;
import dev.dxcp.events.configuration.EnvironmentSpec;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.events.configuration.RecipeSpec;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.dxcp.server.http.configuration.LenientFields.absent;
import static dev.dxcp.server.http.configuration.LenientFields.invalid;
import static dev.dxcp.server.http.configuration.LenientFields.text;

/**
 * Request bodies of the delivery-configuration endpoints (api-contract §8–§10) turned into specs.
 * Shape problems that have a contract code of their own (services, lists, guardrails, owner) are
 * passed on as "malformed" so the aggregate reports them at their place in the check order; other
 * wrong JSON types are schema errors (INVALID_REQUEST) here.
 */
final class ConfigurationBodies {
    static final List<String> GUARDRAIL_KEYS =
            List.of("max_concurrent_deployments", "daily_deploy_quota", "daily_rollback_quota");

    private ConfigurationBodies() {
    }

    record WithReason<T>(T spec, String changeReason) {
    }

    static WithReason<DeliveryGroupSpec> deliveryGroup(JsonNode body) {
        Set<String> malformed = new HashSet<>();
        List<String> services = names(body, DeliveryGroupSpec.SERVICES, malformed);
        List<String> environments = names(body, DeliveryGroupSpec.ALLOWED_ENVIRONMENTS, malformed);
        List<String> recipes = names(body, DeliveryGroupSpec.ALLOWED_RECIPES, malformed);
        Guardrails guardrails = guardrails(body.get(DeliveryGroupSpec.GUARDRAILS), malformed);
        String owner = owner(body.get(DeliveryGroupSpec.OWNER), malformed);
        DeliveryGroupSpec spec = new DeliveryGroupSpec(text(body, "id"), text(body, "name"),
                text(body, "description"), owner, services, environments, recipes, guardrails, malformed);
        return new WithReason<>(spec, text(body, "change_reason"));
    }

    static WithReason<RecipeSpec> recipe(JsonNode body) {
        RecipeSpec spec = new RecipeSpec(text(body, "id"), text(body, "name"), text(body, "description"),
                text(body, "spinnaker_application"), text(body, "deploy_pipeline"), text(body, "rollback_pipeline"),
                text(body, "status"), text(body, "effective_behavior_summary"));
        return new WithReason<>(spec, text(body, "change_reason"));
    }

    /** api-contract §10: id from environment_id, id or name; display name from display_name or displayName. */
    static EnvironmentSpec environment(JsonNode body) {
        JsonNode enabled = body.get("is_enabled");
        if (!absent(enabled) && !enabled.isBoolean()) {
            throw invalid("is_enabled must be a boolean");
        }
        Set<String> malformed = new HashSet<>();
        Guardrails guardrails = guardrails(body.get("guardrails"), malformed);
        return new EnvironmentSpec(text(body, "environment_id", "id", "name"),
                text(body, "display_name", "displayName"), text(body, "type"), text(body, "lifecycle_state"),
                absent(enabled) ? null : enabled.booleanValue(), guardrails, !malformed.isEmpty());
    }

    private static List<String> names(JsonNode body, String field, Set<String> malformed) {
        JsonNode node = body.get(field);
        if (absent(node)) {
            return null;
        }
        Optional<List<String>> values = LenientFields.names(node);
        if (values.isEmpty()) {
            malformed.add(field);
            return null;
        }
        return values.get();
    }

    /** Absent or null: none. Each value a positive integer (checked by the rules), numeric strings accepted. */
    private static Guardrails guardrails(JsonNode node, Set<String> malformed) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            malformed.add(DeliveryGroupSpec.GUARDRAILS);
            return null;
        }
        Integer[] values = new Integer[GUARDRAIL_KEYS.size()];
        for (int i = 0; i < values.length; i++) {
            String key = GUARDRAIL_KEYS.get(i);
            JsonNode value = node.get(key);
            if (absent(value)) {
                continue;
            }
            Optional<Integer> number = LenientFields.integer(value);
            if (number.isEmpty()) {
                malformed.add(DeliveryGroupSpec.GUARDRAILS + "." + key);
            }
            values[i] = number.orElse(null);
        }
        return new Guardrails(values[0], values[1], values[2]);
    }

    /** A string, or (as the reference accepted) a list of strings joined with commas. */
    private static String owner(JsonNode node, Set<String> malformed) {
        if (absent(node)) {
            return null;
        }
        Optional<String> single = LenientFields.scalar(node);
        if (single.isPresent()) {
            return single.get();
        }
        Optional<List<String>> list = LenientFields.names(node);
        if (list.isPresent()) {
            return String.join(",", list.get());
        }
        malformed.add(DeliveryGroupSpec.OWNER);
        return null;
    }
}
