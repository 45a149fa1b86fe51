package dev.dxcp.command.deployment;

import dev.dxcp.command.configuration.DeliveryConfigurationState;
import dev.dxcp.command.configuration.EnvironmentAccess;
import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.events.build.SemverOrder;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.ServiceRoute;
import dev.dxcp.events.registry.ServiceEntry;

import java.util.Optional;

/**
 * Governance §5 steps 6–10 as one sequence of small pure checks: the service's delivery group, the
 * environment for that group, recipe resolution, recipe permitted by the group, then compatibility.
 * Policy (403) always precedes compatibility (400). The first failing step answers.
 */
public class DeploymentPolicy {
    private final ServiceRegistry registry;

    public DeploymentPolicy(ServiceRegistry registry) {
        this.registry = registry;
    }

    /** @param version null when no version is involved (policy summary) */
    public Resolution resolve(String service, String environment, String version, String recipeId,
                              DeliveryConfigurationState config) {
        DeliveryGroup group = deliveryGroupOf(service, config);                        // step 6
        Environment target = environmentFor(group, environment, config);                // step 7
        ServiceRoute route = config.route(service, target.id()).orElse(null);
        Recipe recipe = recipeFor(service, target, recipeId, route, config);            // step 8
        permittedByGroup(group, recipe);                                                 // step 9
        ServiceEntry entry = compatible(service, target, version, recipe, config);      // step 10
        return new Resolution(entry, group, target, recipe, route, config.guardrails(group.id(), target.id()));
    }

    public static DeliveryGroup deliveryGroupOf(String service, DeliveryConfigurationState config) {
        return config.groupOf(service).orElseThrow(() -> PolicyDenials.groupPolicy(
                ErrorCode.SERVICE_NOT_IN_DELIVERY_GROUP, "Service " + service + " belongs to no delivery group"));
    }

    public static Environment environmentFor(DeliveryGroup group, String environment, DeliveryConfigurationState config) {
        if (environment == null || environment.isBlank()) {
            throw PolicyDenials.of(ErrorCode.ENVIRONMENT_REQUIRED, "An environment is required", null);
        }
        EnvironmentAccess access = config.access(group.id(), environment);
        if (access != EnvironmentAccess.USABLE) {
            throw PolicyDenials.groupPolicy(access.denial(), "Environment " + environment + " is "
                    + access.name().toLowerCase().replace('_', ' ') + " for delivery group " + group.id());
        }
        return config.environment(environment).orElseThrow();
    }

    /** A non-empty recipeId selects the recipe (the seed's rule); otherwise the service's route decides. */
    static Recipe recipeFor(String service, Environment environment, String recipeId, ServiceRoute route,
                            DeliveryConfigurationState config) {
        String selected = recipeId;
        if (selected == null || selected.isBlank()) {
            if (route == null) {
                throw PolicyDenials.of(ErrorCode.SERVICE_ENVIRONMENT_NOT_ROUTED,
                        "No recipe given and none is routed for this service and environment",
                        "Service " + service + " has no route in environment " + environment.id());
            }
            selected = route.recipeId();
        }
        String id = selected;
        Recipe recipe = config.recipe(id).orElseThrow(() -> PolicyDenials.of(ErrorCode.RECIPE_NOT_FOUND,
                "Recipe not found", "Recipe " + id + " does not exist"));
        if (recipe.deprecated()) {
            throw PolicyDenials.groupPolicy(ErrorCode.RECIPE_DEPRECATED, "Recipe " + id + " is deprecated");
        }
        return recipe;
    }

    static void permittedByGroup(DeliveryGroup group, Recipe recipe) {
        boolean allowed = group.allowedRecipes().contains(recipe.id()) || group.allowedRecipes().contains(recipe.name());
        if (!allowed) {
            throw PolicyDenials.groupPolicy(ErrorCode.RECIPE_NOT_ALLOWED,
                    "Recipe " + recipe.id() + " not allowed for delivery group " + group.id());
        }
    }

    ServiceEntry compatible(String service, Environment environment, String version, Recipe recipe,
                            DeliveryConfigurationState config) {
        Optional<ServiceEntry> entry = registry.find(service);
        if (entry.isEmpty()) {
            throw PolicyDenials.incompatible(ErrorCode.SERVICE_NOT_ALLOWLISTED_IN_REQUEST,
                    "Service " + service + " is not in the registry");
        }
        Optional<Environment> current = config.environment(environment.id());
        if (current.isEmpty()) {
            throw PolicyDenials.incompatible(ErrorCode.INVALID_ENVIRONMENT,
                    "Environment " + environment.id() + " does not exist");
        }
        if (!current.get().active()) {
            throw PolicyDenials.incompatible(ErrorCode.ENVIRONMENT_DISABLED_ON_RECHECK,
                    "Environment " + environment.id() + " is not active");
        }
        if (version != null && !SemverOrder.isValidVersion(version)) {
            throw PolicyDenials.incompatible(ErrorCode.INVALID_VERSION,
                    "Version " + version + " is not of the form 1.2.3[-pre]");
        }
        if (!entry.get().allowedRecipes().contains(recipe.id())) {
            throw PolicyDenials.incompatible(ErrorCode.RECIPE_INCOMPATIBLE,
                    "Recipe " + recipe.id() + " is not among service " + service + "'s allowed recipes");
        }
        return entry.get();
    }

    /** Governance §5 step 11 wording: an action-required state, not a transient failure (seed 000). */
    public static Rejection versionNotFound(String service, String version) {
        return PolicyDenials.of(ErrorCode.VERSION_NOT_FOUND, "Version " + version + " of " + service
                + " is not registered: run the CI registration for this exact version, then retry", null);
    }

}
