package dev.dxcp.command.configuration;

import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryConfigurationSeeded;
import dev.dxcp.events.configuration.ConfigurationEvents.DeliveryGroupCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentBindingSet;
import dev.dxcp.events.configuration.ConfigurationEvents.EnvironmentCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.RecipeCreated;
import dev.dxcp.events.configuration.ConfigurationEvents.ServiceRouteSet;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.EnvironmentBinding;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.ServiceRoute;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the first start on an empty store creates (domain §14): the three standard recipes, the
 * {@code sandbox} environment bound to every group with order 1, the {@code default} group holding every
 * registry service, and a route service × sandbox → default. The engine mapping names the Gate
 * simulator's seed application and pipelines, so a new installation can deploy at once.
 */
final class FirstStartSeed {
    static final String DEFAULT_GROUP = "default";
    static final String SANDBOX = "sandbox";
    static final String DEMO_APPLICATION = "dxcp-demo";
    static final String DEPLOY_PIPELINE = "deploy-demo-service";
    static final String CANARY_PIPELINE = "canary-deploy-demo-service";
    static final String ROLLBACK_PIPELINE = "rollback-demo-service";

    private FirstStartSeed() {
    }

    /** Events of the seeding; anything that already exists is left as it is. */
    static List<Object> events(DeliveryConfigurationState state, List<String> registryServices, String actor,
                               Instant at) {
        List<Object> events = new ArrayList<>();
        for (Recipe recipe : recipes(actor, at)) {
            if (state.recipe(recipe.id()).isEmpty()) {
                events.add(new RecipeCreated(recipe));
            }
        }
        if (state.environment(SANDBOX).isEmpty()) {
            events.add(new EnvironmentCreated(new Environment(SANDBOX, SANDBOX, EnvironmentRules.NON_PROD,
                    Environment.ACTIVE, null, at, at)));
        }
        List<String> groupIds = new ArrayList<>(state.groups().stream().map(DeliveryGroup::id).toList());
        List<String> services = registryServices.stream().distinct()
                .filter(service -> state.groupOf(service).isEmpty()).toList();
        if (state.group(DEFAULT_GROUP).isEmpty()) {
            events.add(new DeliveryGroupCreated(new DeliveryGroup(DEFAULT_GROUP, "Default Delivery Group",
                    "Every allowlisted service until an admin assigns it elsewhere", null, services, null,
                    List.of("default", "canary", "bluegreen"), null, at, actor, at, actor, null)));
            groupIds.add(DEFAULT_GROUP);
        }
        for (String groupId : groupIds) {
            if (state.binding(groupId, SANDBOX).isEmpty()) {
                events.add(new EnvironmentBindingSet(null, new EnvironmentBinding(groupId, SANDBOX, true, 1), at));
            }
        }
        for (String service : services) {
            if (state.route(service, SANDBOX).isEmpty()) {
                events.add(new ServiceRouteSet(null, new ServiceRoute(service, SANDBOX, "default"), at));
            }
        }
        events.add(new DeliveryConfigurationSeeded(at));
        return events;
    }

    private static List<Recipe> recipes(String actor, Instant at) {
        return List.of(
                recipe("default", "Standard", "Rolls the new version out in place.", DEPLOY_PIPELINE,
                        "Deploys the new version in place; a rollback redeploys the previous good version.", actor, at),
                recipe("canary", "Canary", "Tries the new version on a canary first.", CANARY_PIPELINE,
                        "Deploys a canary, waits for a verdict, then promotes it; a rollback redeploys the "
                                + "previous good version.", actor, at),
                recipe("bluegreen", "Blue-Green", "Starts the new version beside the old one.", DEPLOY_PIPELINE,
                        "Brings up the new version next to the current one and switches over when healthy; a "
                                + "rollback redeploys the previous good version.", actor, at));
    }

    private static Recipe recipe(String id, String name, String description, String deployPipeline,
                                 String summary, String actor, Instant at) {
        return new Recipe(id, name, description, DEMO_APPLICATION, deployPipeline, ROLLBACK_PIPELINE, 1, summary,
                Recipe.ACTIVE, at, actor, at, actor, null);
    }
}
