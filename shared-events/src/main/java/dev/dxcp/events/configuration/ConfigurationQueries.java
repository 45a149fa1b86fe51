package dev.dxcp.events.configuration;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Questions the delivery configuration answers (api-contract §8–§10), from the state committed right
 * now, so every instance sees an admin change at once.
 */
public final class ConfigurationQueries {
    private ConfigurationQueries() {
    }

    /** Every group, by name then id. */
    public record ListDeliveryGroups() {
    }

    public record FindDeliveryGroup(String id) {
    }

    /** The group a record belongs to (its own group id, else the service's current group: governance §4). */
    public record DeliveryGroupOfRecord(String deliveryGroupId, String service) {
    }

    /** The delivery group of every service that has one (GET /v1/services lists it beside each service). */
    public record GroupsOfServices() {
    }

    /** Service name to delivery group id; a service in no group is absent. */
    public record ServiceGroups(Map<String, String> groupIdByService) {
        public ServiceGroups {
            groupIdByService = Map.copyOf(groupIdByService);
        }

        public String groupOf(String service) {
            return groupIdByService.get(service);
        }
    }

    /** Every recipe, by name then id. */
    public record ListRecipes() {
    }

    public record FindRecipe(String id) {
    }

    public record FindEnvironment(String id) {
    }

    /**
     * GET /v1/environments (governance §4): every environment as it is for an admin; for anyone else the
     * environments of the groups whose owner list holds {@code email}, without retired ones.
     */
    public record ListVisibleEnvironments(boolean admin, String email) {
    }

    /** One environment as {@link ListVisibleEnvironments} would show it, or none. */
    public record FindVisibleEnvironment(boolean admin, String email, String environmentId) {
    }

    /** One environment as a caller sees it; group and order are null in the unscoped admin view. */
    public record VisibleEnvironment(Environment environment, String deliveryGroupId, Integer promotionOrder,
                                     boolean enabled) {
    }

    /** A group's bindings by (order_index, environment_id); NOT_FOUND for an unknown group. */
    public record EnvironmentBindingsOf(String deliveryGroupId) {
    }

    public record FindEnvironmentBinding(String deliveryGroupId, String environmentId) {
    }

    /** A binding with the environment it binds; {@code enabled} is the effective value (domain §14). */
    public record BoundEnvironment(EnvironmentBinding binding, Environment environment, boolean enabled) {
    }

    /** One row per environment for a service of the registry; NOT_FOUND for a service outside it. */
    public record ServiceEnvironmentsOf(String service) {
    }

    /** An environment for a service: whether its group may use it now, and the recipe routed there. */
    public record ServiceEnvironment(Environment environment, boolean enabled, String recipeId) {
    }

    public record FindServiceRoute(String service, String environmentId) {
    }

    /**
     * The environment a service's running state is asked for (api-contract §4): the service's group and
     * the environment's access for it, refused as a deploy would be (governance §5 steps 6–7).
     */
    public record ResolveServiceEnvironment(String service, String environmentId) {
    }

    /** delivery-status (api-contract §4): the service's group, if it may use the environment at all. */
    public record DeliveryScopeOf(String service, String environmentId) {
    }

    /** @param deliveryGroupId null when the service has no group or the group may not use the environment */
    public record DeliveryScope(String deliveryGroupId) {
    }

    /** POST /v1/admin/guardrails/validate for a delivery group body; {@code sentFields} are its keys. */
    public record PreviewDeliveryGroup(DeliveryGroupSpec spec, Set<String> sentFields) {
    }

    /** POST /v1/admin/guardrails/validate for a recipe body. */
    public record PreviewRecipe(RecipeSpec spec) {
    }

    /** OK, WARNING or ERROR, and what a save would run into, field by field. */
    public record GuardrailsPreview(String validationStatus, List<Message> messages) {
        /** {@code code}: for an ERROR, the error code a save would answer (api-contract §8, §9); null for a WARNING. */
        public record Message(String type, String field, String message, String code) {
            public Message(String type, String field, String message) {
                this(type, field, message, null);
            }
        }
    }
}
