package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** api-contract §9: recipes over HTTP. */
class ConfigurationRecipesEndToEndTest extends ConfigurationEndToEndTest {

    @Test
    void creatingARecipeAnswers200WithRevisionOneAndTheForcedEngineType() {
        String id = unique("rc-create");
        Response created = post("/v1/recipes", admin(), with(with(recipeBody(id), "engine_type", "ARGO"),
                "change_reason", "pilot"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode recipe = created.json();
        assertThat(recipe.path("recipe_revision").asInt()).isEqualTo(1);
        assertThat(recipe.path("engine_type").asText()).isEqualTo("SPINNAKER");
        assertThat(recipe.path("status").asText()).isEqualTo("active");
        assertThat(recipe.path("deploy_pipeline").asText()).isEqualTo("deploy-demo-service");
        assertThat(recipe.path("created_by").asText()).isEqualTo(ADMIN_ACTOR);
        assertThat(recipe.path("last_change_reason").asText()).isEqualTo("pilot");
        assertThat(get("/v1/recipes/" + id, admin()).json().path("name").asText()).isEqualTo("Recipe " + id);
    }

    @Test
    void theEngineMappingIsShownToPlatformAdminsOnly() {
        String id = unique("rc-mapping");
        post("/v1/recipes", admin(), recipeBody(id));
        for (String token : List.of(env.identity.ownerToken("owner@example.com"), env.identity.observerToken(),
                ci("recipe-reader"))) {
            JsonNode recipe = get("/v1/recipes/" + id, token).json();
            assertThat(recipe.has("spinnaker_application")).isFalse();
            assertThat(recipe.has("deploy_pipeline")).isFalse();
            assertThat(recipe.has("rollback_pipeline")).isFalse();
            assertThat(recipe.path("engine_type").asText()).isEqualTo("SPINNAKER");
            assertThat(find(get("/v1/recipes", token).json(), "id", id).has("deploy_pipeline")).isFalse();
        }
        assertThat(find(get("/v1/recipes", admin()).json(), "id", id).path("rollback_pipeline").asText())
                .isEqualTo("rollback-demo-service");
    }

    @Test
    void theListIsSortedByName() {
        assertThat(texts(get("/v1/recipes", admin()).json(), "name")).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void anUpdateBumpsTheRevisionAndAcceptsLenientScalars() {
        String id = unique("rc-update");
        post("/v1/recipes", admin(), recipeBody(id));
        Response updated = put("/v1/recipes/" + id, admin(), with(with(with(recipeBody(id), "name", 2026),
                "status", "deprecated"), "change_reason", " retiring "));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("recipe_revision").asInt()).isEqualTo(2);
        assertThat(updated.json().path("name").asText()).isEqualTo("2026");
        assertThat(updated.json().path("status").asText()).isEqualTo("deprecated");
        assertThat(updated.json().path("last_change_reason").asText()).isEqualTo("retiring");
        Response third = put("/v1/recipes/" + id, admin(), recipeBody(id));
        assertThat(third.json().path("recipe_revision").asInt()).isEqualTo(3);
        assertThat(third.json().path("last_change_reason").asText()).isEqualTo("retiring");
    }

    @Test
    void updatesCheckTheBodyThenTheIdThenExistence() {
        String id = unique("rc-missing");
        assertError(put("/v1/recipes/default", admin(), recipeBody("other")), 400, "ID_MISMATCH");
        assertError(put("/v1/recipes/" + id, admin(), without(recipeBody(id), "name")), 400, "RECIPE_NAME_REQUIRED");
        Response missing = put("/v1/recipes/" + id, admin(), recipeBody(id));
        assertError(missing, 404, "NOT_FOUND");
        assertThat(missing.json().path("message").asText()).isEqualTo("Recipe not found");
        assertError(get("/v1/recipes/" + id, admin()), 404, "NOT_FOUND");
    }

    @Test
    void createValidationAnswersInContractOrder() {
        String id = unique("rc-invalid");
        Map<String, Object> valid = recipeBody(id);
        expect(with(without(valid, "id"), "status", "bogus"), "RECIPE_ID_REQUIRED");
        expect(with(with(valid, "name", null), "status", "bogus"), "RECIPE_NAME_REQUIRED");
        expect(with(valid, "deploy_pipeline", " "), "RECIPE_DEPLOY_PIPELINE_REQUIRED");
        expect(without(valid, "spinnaker_application"), "MISSING_ENGINE_APP");
        expect(with(valid, "status", "retired"), "INVALID_STATUS");
        expect(with(valid, "effective_behavior_summary", "  "), "RECIPE_BEHAVIOR_REQUIRED");
        expect(with(valid, "effective_behavior_summary", "x".repeat(241)), "INVALID_REQUEST");
        assertError(post("/v1/recipes", admin(), recipeBody("default")), 409, "RECIPE_EXISTS");
        assertError(get("/v1/recipes/" + id, admin()), 404, "NOT_FOUND");
    }

    @Test
    void anUnusedRecipeIsDeletedAndThenNotFound() {
        String id = unique("rc-delete");
        post("/v1/recipes", admin(), recipeBody(id));
        Response deleted = delete("/v1/admin/recipes/" + id, admin());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertError(get("/v1/recipes/" + id, admin()), 404, "NOT_FOUND");
        assertError(delete("/v1/admin/recipes/" + id, admin()), 404, "NOT_FOUND");
    }

    @Test
    void aRoutedRecipeIsInUseNamingUpToFiveRoutes() {
        Response blocked = delete("/v1/admin/recipes/default", admin());
        assertError(blocked, 409, "RECIPE_IN_USE");
        JsonNode details = blocked.json().path("details");
        assertThat(details.path("recipe_id").asText()).isEqualTo("default");
        assertThat(details.path("reference_type").asText()).isEqualTo("service_environment_routing");
        assertThat(details.path("reference_count").asInt()).isGreaterThan(5);
        assertThat(details.path("references")).hasSize(5);
        assertThat(details.path("references").get(0).has("service_id")).isTrue();
        assertThat(details.path("references").get(0).path("environment_id").asText()).isEqualTo("sandbox");
        assertThat(blocked.json().path("failure_cause").asText()).isEqualTo("POLICY_CHANGE");
    }

    @Test
    void aRecipeAllowedByAGroupIsInUse() {
        String id = unique("rc-allowed");
        String group = unique("rc-group");
        post("/v1/recipes", admin(), recipeBody(id));
        createGroup(with(groupBody(group), "allowed_recipes", List.of(id)));
        Response blocked = delete("/v1/admin/recipes/" + id, admin());
        assertError(blocked, 409, "RECIPE_IN_USE");
        assertThat(blocked.json().path("details").path("reference_type").asText())
                .isEqualTo("delivery_group_allowed_recipes");
        assertThat(blocked.json().path("details").path("references").toString())
                .isEqualTo("[{\"delivery_group_id\":\"" + group + "\"}]");
    }

    private void expect(Map<String, Object> body, String code) {
        assertError(post("/v1/recipes", admin(), body), 400, code);
    }
}
