package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** api-contract §10: group bindings and service routes, the admin environment policy. */
class ConfigurationEnvironmentPolicyEndToEndTest extends ConfigurationEndToEndTest {

    @Test
    void aGroupsBindingsListShowsEachEnvironmentInOrder() {
        JsonNode rows = get("/v1/admin/delivery-groups/default/environments", admin()).json();
        JsonNode sandbox = find(rows, "environment_id", "sandbox");
        assertThat(sandbox.toString()).isEqualTo("{\"delivery_group_id\":\"default\",\"environment_id\":\"sandbox\","
                + "\"is_enabled\":true,\"order_index\":1,\"display_name\":\"sandbox\",\"type\":\"non_prod\","
                + "\"lifecycle_state\":\"active\"}");
        assertError(get("/v1/admin/delivery-groups/" + unique("nope") + "/environments", admin()), 404, "NOT_FOUND");
    }

    @Test
    void bindingDefaultsToEnabledAfterTheExistingRowsAndKeepsValuesNotSent() {
        String group = unique("pol-bind");
        String qa = environmentId("pol-qa");
        createGroup(groupBody(group));
        createEnvironment(qa, "non_prod");
        String path = "/v1/admin/delivery-groups/" + group + "/environments/";

        Response bound = put(path + "sandbox", admin(), Map.of());
        assertThat(bound.status()).as(bound.body()).isEqualTo(200);
        assertThat(bound.json().toString()).isEqualTo("{\"delivery_group_id\":\"" + group
                + "\",\"environment_id\":\"sandbox\",\"is_enabled\":true,\"order_index\":0}");
        assertThat(put(path + qa, admin(), Map.of()).json().path("order_index").asInt()).isEqualTo(1);

        JsonNode disabled = patch(path + qa, admin(), Map.of("is_enabled", false)).json();
        assertThat(disabled.path("is_enabled").asBoolean()).isFalse();
        assertThat(disabled.path("order_index").asInt()).isEqualTo(1);
        JsonNode moved = send("PATCH", path + qa, admin(), Map.of("order_index", 5)).json();
        assertThat(moved.path("is_enabled").asBoolean()).isFalse();
        assertThat(moved.path("order_index").asInt()).isEqualTo(5);

        JsonNode rows = get("/v1/admin/delivery-groups/" + group + "/environments", admin()).json();
        assertThat(texts(rows, "environment_id")).containsExactly("sandbox", qa);
    }

    @Test
    void bindingChecksItsBodyTheGroupTheEnvironmentAndRetirement() {
        String group = unique("pol-bad");
        createGroup(groupBody(group));
        String path = "/v1/admin/delivery-groups/" + group + "/environments/sandbox";
        assertError(put(path, admin(), Map.of("is_enabled", "yes")), 400, "INVALID_REQUEST");
        assertError(put(path, admin(), Map.of("order_index", -1)), 400, "INVALID_REQUEST");
        assertError(put(path, admin(), Map.of("order_index", 1.5)), 400, "INVALID_REQUEST");
        assertError(put("/v1/admin/delivery-groups/" + unique("nope") + "/environments/sandbox", admin(), Map.of()),
                404, "NOT_FOUND");
        assertError(put("/v1/admin/delivery-groups/" + group + "/environments/" + environmentId("nope"), admin(),
                Map.of()), 404, "NOT_FOUND");

        String retired = environmentId("pol-retired");
        post("/v1/environments", admin(), Map.of("environment_id", retired, "type", "non_prod",
                "lifecycle_state", "retired"));
        String retiredPath = "/v1/admin/delivery-groups/" + group + "/environments/" + retired;
        assertError(put(retiredPath, admin(), Map.of("is_enabled", true)), 409, "ENVIRONMENT_RETIRED");
        assertThat(put(retiredPath, admin(), Map.of("is_enabled", false)).status()).isEqualTo(200);
    }

    @Test
    void aServiceHasOneRowPerEnvironmentWithItsRoute() {
        String qa = environmentId("pol-route-qa");
        createEnvironment(qa, "non_prod");
        JsonNode rows = get("/v1/admin/services/e2e-svc-4/environments", admin()).json();
        assertThat(texts(rows, "environment_id")).contains("sandbox", qa).isSortedAccordingTo(String::compareTo);
        JsonNode sandbox = find(rows, "environment_id", "sandbox");
        assertThat(sandbox.path("service_id").asText()).isEqualTo("e2e-svc-4");
        assertThat(sandbox.path("recipe_id").asText()).isEqualTo("default");
        assertThat(sandbox.path("is_enabled").asBoolean()).isTrue();
        assertThat(sandbox.path("type").asText()).isEqualTo("non_prod");
        JsonNode unrouted = find(rows, "environment_id", qa);
        assertThat(unrouted.path("recipe_id").isNull()).isTrue();
        // default has no legacy list, so a new environment without a binding is usable by its services.
        assertThat(unrouted.path("is_enabled").asBoolean()).isTrue();
        Response unknown = get("/v1/admin/services/not-registered/environments", admin());
        assertError(unknown, 404, "NOT_FOUND");
        assertThat(unknown.json().path("message").asText()).isEqualTo("Service not found");
    }

    @Test
    void routingAServiceSetsItsRecipeForAnEnvironment() {
        String qa = environmentId("pol-route");
        createEnvironment(qa, "non_prod");
        String path = "/v1/admin/services/e2e-svc-59/environments/" + qa;
        Response routed = put(path, admin(), Map.of("recipe_id", "canary"));
        assertThat(routed.status()).as(routed.body()).isEqualTo(200);
        assertThat(routed.json().toString()).isEqualTo("{\"service_id\":\"e2e-svc-59\",\"environment_id\":\"" + qa
                + "\",\"recipe_id\":\"canary\"}");
        assertThat(patch(path, admin(), Map.of("recipe_id", "bluegreen")).json().path("recipe_id").asText())
                .isEqualTo("bluegreen");
        assertThat(find(get("/v1/admin/services/e2e-svc-59/environments", admin()).json(), "environment_id", qa)
                .path("recipe_id").asText()).isEqualTo("bluegreen");
    }

    @Test
    void routingChecksTheRecipeThenServiceEnvironmentRecipeAndRetirement() {
        String qa = environmentId("pol-route-bad");
        createEnvironment(qa, "non_prod");
        String path = "/v1/admin/services/e2e-svc-59/environments/" + qa;
        assertError(put(path, admin(), Map.of()), 400, "INVALID_REQUEST");
        assertError(put(path, admin(), Map.of("recipe_id", " ")), 400, "INVALID_REQUEST");
        assertNotFound(put("/v1/admin/services/not-registered/environments/" + qa, admin(),
                Map.of("recipe_id", "default")), "Service not found");
        assertNotFound(put("/v1/admin/services/e2e-svc-59/environments/" + environmentId("nope"), admin(),
                Map.of("recipe_id", "default")), "Environment not found");
        assertNotFound(put(path, admin(), Map.of("recipe_id", "no-such-recipe")), "Recipe not found");
        patch("/v1/environments/" + qa, admin(), Map.of("lifecycle_state", "retired"));
        assertError(put(path, admin(), Map.of("recipe_id", "default")), 409, "ENVIRONMENT_RETIRED");
    }

    private static void assertNotFound(Response response, String message) {
        assertError(response, 404, "NOT_FOUND");
        assertThat(response.json().path("message").asText()).isEqualTo(message);
    }
}
