package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** api-contract §10: environments over HTTP, including who may see which. */
class ConfigurationEnvironmentsEndToEndTest extends ConfigurationEndToEndTest {

    @Test
    void creatingAnEnvironmentAnswers201AndAcceptsTheAliasedFieldNames() {
        String id = environmentId("env-create");
        Response created = post("/v1/environments", admin(), Map.of("id", id, "displayName", "Quality",
                "type", "non_prod", "is_enabled", false));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode environment = created.json();
        assertThat(environment.path("id").asText()).isEqualTo(id);
        assertThat(environment.path("name").asText()).isEqualTo(id);
        assertThat(environment.path("display_name").asText()).isEqualTo("Quality");
        assertThat(environment.path("lifecycle_state").asText()).isEqualTo("disabled");
        assertThat(environment.path("is_enabled").asBoolean()).isFalse();
        assertThat(environment.path("guardrails").isNull()).isTrue();
        assertThat(environment.path("created_at").asText()).endsWith("Z");

        String other = environmentId("env-named");
        JsonNode byName = post("/v1/environments", admin(), Map.of("name", other, "type", "non_prod",
                "guardrails", Map.of("daily_deploy_quota", "7"))).json();
        assertThat(byName.path("display_name").asText()).isEqualTo(other);
        assertThat(byName.path("lifecycle_state").asText()).isEqualTo("active");
        assertThat(byName.path("guardrails").path("daily_deploy_quota").asInt()).isEqualTo(7);
        assertThat(get("/v1/environments/" + other, admin()).json().path("is_enabled").asBoolean()).isTrue();
    }

    @Test
    void adminsListEveryEnvironmentSortedByName() {
        String id = environmentId("env-list");
        createEnvironment(id, "non_prod");
        List<String> ids = texts(get("/v1/environments", admin()).json(), "id");
        assertThat(ids).contains("sandbox", id).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void createValidationAnswersWithTheContractCodes() {
        assertError(post("/v1/environments", admin(), Map.of("environment_id", "Not_Valid", "type", "non_prod")), 400,
                "INVALID_ENVIRONMENT_ID");
        assertError(post("/v1/environments", admin(), Map.of("type", "non_prod")), 400, "INVALID_ENVIRONMENT_ID");
        assertError(post("/v1/environments", admin(), Map.of("environment_id", environmentId("env-t"))), 400,
                "INVALID_ENVIRONMENT_TYPE");
        assertError(post("/v1/environments", admin(), Map.of("environment_id", environmentId("env-t"),
                "type", "production")), 400, "INVALID_ENVIRONMENT_TYPE");
        assertError(post("/v1/environments", admin(), Map.of("environment_id", environmentId("env-l"),
                "type", "prod", "lifecycle_state", "paused")), 400, "INVALID_ENVIRONMENT_LIFECYCLE_STATE");
        assertError(post("/v1/environments", admin(), Map.of("environment_id", environmentId("env-b"),
                "type", "prod", "is_enabled", "yes")), 400, "INVALID_REQUEST");
        assertError(post("/v1/environments", admin(), Map.of("environment_id", "sandbox", "type", "non_prod")), 409,
                "ENVIRONMENT_EXISTS");
    }

    @Test
    void patchChangesDisplayNameAndLifecycleAndARetiredEnvironmentStaysRetired() {
        String id = environmentId("env-patch");
        createEnvironment(id, "non_prod");
        JsonNode renamed = patch("/v1/environments/" + id, admin(), Map.of("display_name", "Staging",
                "is_enabled", false)).json();
        assertThat(renamed.path("display_name").asText()).isEqualTo("Staging");
        assertThat(renamed.path("lifecycle_state").asText()).isEqualTo("disabled");
        assertThat(patch("/v1/environments/" + id, admin(), Map.of("is_enabled", true)).json()
                .path("lifecycle_state").asText()).isEqualTo("active");
        JsonNode retired = patch("/v1/environments/" + id, admin(), Map.of("lifecycle_state", "retired")).json();
        assertThat(retired.path("is_enabled").asBoolean()).isFalse();
        assertThat(patch("/v1/environments/" + id, admin(), Map.of("is_enabled", false)).json()
                .path("lifecycle_state").asText()).isEqualTo("retired");
        assertError(patch("/v1/environments/" + id, admin(), Map.of("is_enabled", 1)), 400, "INVALID_REQUEST");
        assertError(patch("/v1/environments/" + id, admin(), Map.of("lifecycle_state", "gone")), 400,
                "INVALID_ENVIRONMENT_LIFECYCLE_STATE");
        assertError(patch("/v1/environments/" + environmentId("env-none"), admin(), Map.of("is_enabled", true)), 404,
                "NOT_FOUND");
    }

    @Test
    void theTypeChangesOnlyWhileNothingReferencesTheEnvironment() {
        String id = environmentId("env-type");
        createEnvironment(id, "non_prod");
        assertThat(patch("/v1/environments/" + id, admin(), Map.of("type", "prod")).json().path("type").asText())
                .isEqualTo("prod");
        createGroup(with(groupBody(unique("env-type-group")), "allowed_environments", List.of(id)));
        Response locked = patch("/v1/environments/" + id, admin(), Map.of("type", "non_prod"));
        assertError(locked, 409, "ENVIRONMENT_TYPE_LOCKED");
        assertThat(locked.json().path("failure_cause").asText()).isEqualTo("USER_ERROR");
        assertError(patch("/v1/environments/sandbox", admin(), Map.of("type", "prod")), 409,
                "ENVIRONMENT_TYPE_LOCKED");
        assertThat(patch("/v1/environments/" + id, admin(), Map.of("type", "prod")).status()).isEqualTo(200);
    }

    @Test
    void anUnreferencedEnvironmentIsDeletedAndAReferencedOneTellsWhatHoldsIt() {
        String loose = environmentId("env-loose");
        createEnvironment(loose, "non_prod");
        assertThat(delete("/v1/environments/" + loose, admin()).status()).isEqualTo(204);
        assertError(get("/v1/environments/" + loose, admin()), 404, "NOT_FOUND");
        assertError(delete("/v1/environments/" + loose, admin()), 404, "NOT_FOUND");

        String held = environmentId("env-held");
        String group = unique("env-held-group");
        createGroup(with(groupBody(group), "allowed_environments", List.of(held)));
        Response blocked = delete("/v1/environments/" + held, admin());
        assertError(blocked, 409, "ENVIRONMENT_DELETE_BLOCKED_REFERENCED");
        JsonNode details = blocked.json().path("details");
        assertThat(details.path("environment_id").asText()).isEqualTo(held);
        assertThat(details.path("retire_instead").asBoolean()).isTrue();
        assertThat(texts(details.path("references"), "reference_type"))
                .containsExactly("delivery_group_environment_policy", "delivery_group_allowed_environments");
        JsonNode policy = details.path("references").get(0);
        assertThat(policy.path("count").asInt()).isEqualTo(1);
        assertThat(texts(policy.path("examples"))).containsExactly(group);
        assertThat(policy.path("message").asText()).isNotBlank();

        Response sandbox = delete("/v1/environments/sandbox", admin());
        assertError(sandbox, 409, "ENVIRONMENT_DELETE_BLOCKED_REFERENCED");
        // deployment records may come first, depending on which tests ran before this one
        JsonNode references = sandbox.json().path("details").path("references");
        assertThat(texts(references, "reference_type"))
                .containsSubsequence("service_environment_routing", "delivery_group_environment_policy");
        JsonNode routing = null;
        for (JsonNode reference : references) {
            if (reference.path("reference_type").asText().equals("service_environment_routing")) {
                routing = reference;
            }
        }
        assertThat(routing).isNotNull();
        assertThat(routing.path("count").asInt()).isGreaterThan(5);
        assertThat(routing.path("examples")).hasSize(5);
    }

    @Test
    void ownersSeeTheEnvironmentsOfTheirGroupsOnlyEnabledCopyFirstRetiredHidden() {
        String alice = unique("alice") + "@example.com";
        String bob = unique("bob") + "@example.com";
        String first = environmentId("vis-a");
        String second = environmentId("vis-b");
        String gone = environmentId("vis-r");
        String teamOne = unique("vis-one");
        String teamTwo = unique("vis-two");
        createGroup(with(with(groupBody(teamOne), "owner", alice + ", " + bob), "allowed_environments",
                List.of(first, second)));
        createGroup(with(with(groupBody(teamTwo), "owner", alice.toUpperCase()), "allowed_environments",
                List.of(second, gone)));
        // teamTwo binds `second` first but disabled: the enabled copy of teamOne (order 2) is the one shown.
        put("/v1/admin/delivery-groups/" + teamTwo + "/environments/" + second, admin(), Map.of("is_enabled", false));
        patch("/v1/environments/" + gone, admin(), Map.of("lifecycle_state", "retired"));

        JsonNode seen = get("/v1/environments", env.identity.ownerToken(alice)).json();
        assertThat(texts(seen, "id")).containsExactly(first, second);
        JsonNode shared = find(seen, "id", second);
        assertThat(shared.path("delivery_group_id").asText()).isEqualTo(teamOne);
        assertThat(shared.path("promotion_order").asInt()).isEqualTo(2);
        assertThat(shared.path("is_enabled").asBoolean()).isTrue();
        assertThat(find(seen, "id", first).path("promotion_order").asInt()).isEqualTo(1);

        assertThat(texts(get("/v1/environments", env.identity.ownerToken(bob)).json(), "id"))
                .containsExactly(first, second);
        assertThat(get("/v1/environments/" + first, env.identity.ownerToken(alice)).json()
                .path("delivery_group_id").asText()).isEqualTo(teamOne);
        assertError(get("/v1/environments/" + gone, env.identity.ownerToken(alice)), 404, "NOT_FOUND");
        assertError(get("/v1/environments/sandbox", env.identity.ownerToken(bob)), 404, "NOT_FOUND");
        assertThat(get("/v1/environments/" + gone, admin()).json().path("lifecycle_state").asText())
                .isEqualTo("retired");
    }

    @Test
    void callersWithoutGroupsSeeNoEnvironments() {
        String nobody = unique("nobody") + "@example.com";
        assertThat(get("/v1/environments", env.identity.ownerToken(nobody)).json()).isEmpty();
        assertThat(get("/v1/environments", ci("env-reader")).json()).isEmpty();
        assertError(get("/v1/environments/sandbox", env.identity.ownerToken(nobody)), 404, "NOT_FOUND");
    }
}
