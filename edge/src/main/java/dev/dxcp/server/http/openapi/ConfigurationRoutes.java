package dev.dxcp.server.http.openapi;

import java.util.List;

import static dev.dxcp.server.http.openapi.ApiRoute.ADM;
import static dev.dxcp.server.http.openapi.ApiRoute.delete;
import static dev.dxcp.server.http.openapi.ApiRoute.get;
import static dev.dxcp.server.http.openapi.ApiRoute.patch;
import static dev.dxcp.server.http.openapi.ApiRoute.post;
import static dev.dxcp.server.http.openapi.ApiRoute.put;
import static dev.dxcp.server.http.openapi.ErrorSets.DELIVERY_GROUP_BODY;
import static dev.dxcp.server.http.openapi.ErrorSets.RECIPE_BODY;
import static dev.dxcp.server.http.openapi.ErrorSets.join;

/** Delivery groups, recipes, environments and their bindings (api-contract §8–§10). */
final class ConfigurationRoutes {
    private static final String GROUPS = "Delivery groups";
    private static final String RECIPES = "Recipes";
    private static final String ENVIRONMENTS = "Environments";
    private static final List<String> ADMIN = List.of("403 ROLE_FORBIDDEN");
    private static final List<String> ENVIRONMENT_BODY = List.of("403 ROLE_FORBIDDEN", "400 INVALID_ENVIRONMENT_ID",
            "400 INVALID_ENVIRONMENT_TYPE", "400 INVALID_ENVIRONMENT_LIFECYCLE_STATE");

    private ConfigurationRoutes() {
    }

    static List<ApiRoute> all() {
        return List.of(
                get("/v1/delivery-groups").tag(GROUPS).summary("Delivery groups sorted by name")
                        .ok(200, "DeliveryGroupList"),
                get("/v1/delivery-groups/{id}").tag(GROUPS).summary("One delivery group").ok(200, "DeliveryGroup")
                        .errors("404 NOT_FOUND"),
                post("/v1/delivery-groups").tag(GROUPS).roles(ADM).killSwitch().body("DeliveryGroupBody")
                        .summary("Create a delivery group").ok(201, "DeliveryGroup")
                        .errors(join(DELIVERY_GROUP_BODY, List.of("409 DELIVERY_GROUP_EXISTS"))),
                put("/v1/delivery-groups/{id}").tag(GROUPS).roles(ADM).killSwitch().body("DeliveryGroupBody")
                        .summary("Replace a delivery group").ok(200, "DeliveryGroup")
                        .errors(join(DELIVERY_GROUP_BODY, List.of("400 ID_MISMATCH", "404 NOT_FOUND"))),
                get("/v1/recipes").tag(RECIPES).summary("Recipes sorted by name").ok(200, "RecipeList"),
                get("/v1/recipes/{id}").tag(RECIPES).summary("One recipe").ok(200, "Recipe").errors("404 NOT_FOUND"),
                post("/v1/recipes").tag(RECIPES).roles(ADM).killSwitch().body("RecipeBody")
                        .summary("Create a recipe (answers 200, not 201)").ok(200, "Recipe")
                        .errors(join(RECIPE_BODY, List.of("409 RECIPE_EXISTS"))),
                put("/v1/recipes/{id}").tag(RECIPES).roles(ADM).killSwitch().body("RecipeBody")
                        .summary("Replace a recipe; its revision increments").ok(200, "Recipe")
                        .errors(join(RECIPE_BODY, List.of("400 ID_MISMATCH", "404 NOT_FOUND"))),
                delete("/v1/admin/recipes/{id}").tag(RECIPES).roles(ADM).killSwitch()
                        .summary("Delete an unused recipe").ok(204, null)
                        .errors(join(ADMIN, List.of("404 NOT_FOUND", "409 RECIPE_IN_USE"))),
                get("/v1/environments").tag(ENVIRONMENTS)
                        .summary("Environments (admins: all; others: those of the groups they own)")
                        .ok(200, "EnvironmentList"),
                get("/v1/environments/{environmentId}").tag(ENVIRONMENTS).summary("One environment")
                        .ok(200, "Environment").errors("404 NOT_FOUND"),
                post("/v1/environments").tag(ENVIRONMENTS).roles(ADM).killSwitch().body("EnvironmentBody")
                        .summary("Create an environment").ok(201, "Environment")
                        .errors(join(ENVIRONMENT_BODY, List.of("409 ENVIRONMENT_EXISTS"))),
                patch("/v1/environments/{environmentId}").tag(ENVIRONMENTS).roles(ADM).killSwitch()
                        .body("EnvironmentBody").summary("Change an environment").ok(200, "Environment")
                        .errors(join(ENVIRONMENT_BODY, List.of("404 NOT_FOUND", "409 ENVIRONMENT_TYPE_LOCKED"))),
                delete("/v1/environments/{environmentId}").tag(ENVIRONMENTS).roles(ADM).killSwitch()
                        .summary("Delete an unreferenced environment").ok(204, null)
                        .errors(join(ADMIN, List.of("404 NOT_FOUND", "409 ENVIRONMENT_DELETE_BLOCKED_REFERENCED"))),
                get("/v1/admin/delivery-groups/{groupId}/environments").tag(ENVIRONMENTS).roles(ADM)
                        .summary("A group's environments in promotion order").ok(200, "GroupEnvironmentList")
                        .errors(join(ADMIN, List.of("404 NOT_FOUND"))),
                put("/v1/admin/delivery-groups/{groupId}/environments/{environmentId}").tag(ENVIRONMENTS).roles(ADM)
                        .killSwitch().body("GroupEnvironmentBody").summary("Bind an environment to a group")
                        .ok(200, "GroupEnvironmentBinding")
                        .errors(join(ADMIN, List.of("404 NOT_FOUND", "409 ENVIRONMENT_RETIRED"))),
                patch("/v1/admin/delivery-groups/{groupId}/environments/{environmentId}").tag(ENVIRONMENTS)
                        .roles(ADM).killSwitch().body("GroupEnvironmentBody").summary("Change a group's binding")
                        .ok(200, "GroupEnvironmentBinding")
                        .errors(join(ADMIN, List.of("404 NOT_FOUND", "409 ENVIRONMENT_RETIRED"))),
                get("/v1/admin/services/{service}/environments").tag(ENVIRONMENTS).roles(ADM)
                        .summary("A service's environments and routed recipes").ok(200, "ServiceEnvironmentList")
                        .errors(join(ADMIN, List.of("404 NOT_FOUND"))),
                put("/v1/admin/services/{service}/environments/{environmentId}").tag(ENVIRONMENTS).roles(ADM)
                        .killSwitch().body("ServiceRouteBody").summary("Route a service's environment to a recipe")
                        .ok(200, "ServiceRoute")
                        .errors(join(ADMIN, List.of("404 NOT_FOUND", "409 ENVIRONMENT_RETIRED"))),
                patch("/v1/admin/services/{service}/environments/{environmentId}").tag(ENVIRONMENTS).roles(ADM)
                        .killSwitch().body("ServiceRouteBody").summary("Route a service's environment to a recipe")
                        .ok(200, "ServiceRoute")
                        .errors(join(ADMIN, List.of("404 NOT_FOUND", "409 ENVIRONMENT_RETIRED"))),
                post("/v1/admin/guardrails/validate").tag(GROUPS).roles(ADM).body("AnyObject")
                        .summary("Preview a delivery group or recipe body; persists nothing")
                        .ok(200, "GuardrailsValidation").errors(ADMIN));
    }
}
