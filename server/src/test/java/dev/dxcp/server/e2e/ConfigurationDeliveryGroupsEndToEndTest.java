package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** api-contract §8: delivery groups over HTTP. */
class ConfigurationDeliveryGroupsEndToEndTest extends ConfigurationEndToEndTest {

    @Test
    void creatingAGroupAnswers201WithWhatWasStoredAndIsReadableAtOnce() {
        String id = unique("dg-create");
        Map<String, Object> body = groupBody(id);
        body.put("description", 42);
        body.put("owner", " Alice@Example.com, bob@example.org ");
        body.put("guardrails", Map.of("max_concurrent_deployments", "3"));
        body.put("change_reason", "  new team  ");
        body.put("something_else", "ignored");
        Response created = post("/v1/delivery-groups", admin(), body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode group = created.json();
        assertThat(group.path("id").asText()).isEqualTo(id);
        assertThat(group.path("description").asText()).isEqualTo("42");
        assertThat(group.path("owner").asText()).isEqualTo("alice@example.com, bob@example.org");
        assertThat(group.path("allowed_environments").isNull()).isTrue();
        assertThat(group.path("guardrails").toString())
                .isEqualTo("{\"max_concurrent_deployments\":3,\"daily_deploy_quota\":null,\"daily_rollback_quota\":null}");
        assertThat(group.path("created_by").asText()).isEqualTo(ADMIN_ACTOR);
        assertThat(group.path("updated_by").asText()).isEqualTo(ADMIN_ACTOR);
        assertThat(group.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(group.path("last_change_reason").asText()).isEqualTo("new team");

        JsonNode read = get("/v1/delivery-groups/" + id, env.identity.observerToken()).json();
        assertThat(read.path("guardrails").toString())
                .isEqualTo("{\"max_concurrent_deployments\":3,\"daily_deploy_quota\":25,\"daily_rollback_quota\":10}");
        assertThat(read.path("created_at").asText()).isEqualTo(group.path("created_at").asText());
    }

    @Test
    void aGroupWithoutGuardrailsEchoesNullButReadsWithTheDefaults() {
        String id = unique("dg-defaults");
        assertThat(createGroup(groupBody(id)).path("guardrails").isNull()).isTrue();
        JsonNode listed = find(get("/v1/delivery-groups", admin()).json(), "id", id);
        assertThat(listed.path("guardrails").toString())
                .isEqualTo("{\"max_concurrent_deployments\":1,\"daily_deploy_quota\":25,\"daily_rollback_quota\":10}");
    }

    @Test
    void theListIsSortedByName() {
        String suffix = unique("sort");
        createGroup(with(groupBody("dg-b-" + suffix), "name", "Zulu " + suffix));
        createGroup(with(groupBody("dg-a-" + suffix), "name", "Alpha " + suffix));
        List<String> names = texts(get("/v1/delivery-groups", env.identity.ownerToken("o@example.com")).json(),
                "name");
        assertThat(names).isSortedAccordingTo(String::compareTo);
        assertThat(names.indexOf("Alpha " + suffix)).isLessThan(names.indexOf("Zulu " + suffix));
    }

    @Test
    void servicesMovedOutOfDefaultCanJoinAnotherGroupAndGoBack() {
        String id = unique("dg-move");
        List<String> borrowed = List.of("e2e-svc-50", "e2e-svc-51");
        takeFromDefault(borrowed);
        try {
            JsonNode group = createGroup(with(groupBody(id), "services", borrowed));
            assertThat(texts(group.path("services"))).containsExactlyElementsOf(borrowed);
            JsonNode defaults = get("/v1/delivery-groups/default", admin()).json();
            assertThat(texts(defaults.path("services"))).doesNotContainAnyElementsOf(borrowed).contains("e2e-svc-1");
            Response taken = post("/v1/delivery-groups", admin(), with(groupBody(unique("dg-steal")), "services",
                    List.of("e2e-svc-50")));
            assertError(taken, 409, "SERVICE_ALREADY_ASSIGNED");
        } finally {
            Response released = put("/v1/delivery-groups/" + id, admin(), groupBody(id));
            assertThat(released.status()).as(released.body()).isIn(200, 404);
            giveBackToDefault(borrowed);
        }
        assertThat(texts(get("/v1/delivery-groups/default", admin()).json().path("services")))
                .containsAll(borrowed);
    }

    @Test
    void namingAnUnknownEnvironmentCreatesItAndBindsItInListOrder() {
        String id = unique("dg-envs");
        String staging = environmentId("cfg-stage");
        JsonNode group = createGroup(with(groupBody(id), "allowed_environments", List.of(" sandbox ", staging)));
        assertThat(texts(group.path("allowed_environments"))).containsExactly("sandbox", staging);

        JsonNode created = get("/v1/environments/" + staging, admin()).json();
        assertThat(created.path("type").asText()).isEqualTo("non_prod");
        assertThat(created.path("display_name").asText()).isEqualTo(staging);
        JsonNode bindings = get("/v1/admin/delivery-groups/" + id + "/environments", admin()).json();
        assertThat(texts(bindings, "environment_id")).containsExactly("sandbox", staging);
        assertThat(texts(bindings, "order_index")).containsExactly("1", "2");
    }

    @Test
    void anUpdateKeepsOmittedEnvironmentsAndTheLastChangeReasonUnlessANewOneIsGiven() {
        String id = unique("dg-update");
        createGroup(with(with(groupBody(id), "allowed_environments", List.of("sandbox")), "change_reason", "first"));

        Map<String, Object> update = with(with(groupBody(id), "description", "renamed"), "change_reason", "   ");
        Response updated = put("/v1/delivery-groups/" + id, freshAdmin(), update);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(texts(updated.json().path("allowed_environments"))).containsExactly("sandbox");
        assertThat(updated.json().path("last_change_reason").asText()).isEqualTo("first");
        assertThat(updated.json().path("created_by").asText()).isEqualTo(ADMIN_ACTOR);
        assertThat(updated.json().path("updated_by").asText()).startsWith("admin-");

        Response again = put("/v1/delivery-groups/" + id, admin(),
                with(with(without(groupBody(id), "id"), "allowed_environments", null), "change_reason", " second "));
        assertThat(again.json().path("last_change_reason").asText()).isEqualTo("second");
        assertThat(texts(again.json().path("allowed_environments"))).containsExactly("sandbox");
        assertThat(updated.json().path("description").asText()).isEqualTo("renamed");
        // PUT replaces: only allowed_environments is kept when omitted (api-contract §8).
        assertThat(get("/v1/delivery-groups/" + id, admin()).json().path("description").isNull()).isTrue();
    }

    @Test
    void unknownGroupsAreNotFoundAndTheBodyIdMustMatchThePath() {
        Response missing = get("/v1/delivery-groups/" + unique("nope"), admin());
        assertError(missing, 404, "NOT_FOUND");
        assertThat(missing.json().path("message").asText()).isEqualTo("Delivery group not found");
        String id = unique("nope");
        assertError(put("/v1/delivery-groups/" + id, admin(), groupBody(id)), 404, "NOT_FOUND");
        assertError(put("/v1/delivery-groups/default", admin(), groupBody("other")), 400, "ID_MISMATCH");
    }

    @Test
    void anExistingIdIsAConflict() {
        assertError(post("/v1/delivery-groups", admin(), groupBody("default")), 409, "DELIVERY_GROUP_EXISTS");
    }

    @Test
    void invalidBodiesAreRefusedWithTheContractCodes() {
        String id = unique("dg-invalid");
        Map<String, Object> valid = groupBody(id);
        expect(without(valid, "id"), 400, "MISSING_ID");
        expect(with(valid, "name", null), 400, "MISSING_NAME");
        expect(with(valid, "services", "e2e-svc-1"), 400, "INVALID_SERVICES");
        expect(without(valid, "services"), 400, "INVALID_SERVICES");
        expect(with(valid, "allowed_recipes", "default"), 400, "INVALID_RECIPES");
        expect(with(valid, "allowed_environments", "sandbox"), 400, "INVALID_ENVIRONMENTS");
        expect(with(valid, "allowed_environments", List.of("sandbox", "sandbox")), 400, "INVALID_ENVIRONMENTS");
        expect(with(valid, "allowed_environments", List.of(" ")), 400, "INVALID_ENVIRONMENTS");
        expect(with(valid, "services", List.of("not-registered")), 400, "SERVICE_NOT_ALLOWLISTED");
        expect(with(valid, "services", List.of("e2e-svc-52")), 409, "SERVICE_ALREADY_ASSIGNED");
        expect(with(valid, "allowed_recipes", List.of("no-such-recipe")), 400, "RECIPE_NOT_FOUND");
        expect(with(valid, "guardrails", Map.of("daily_deploy_quota", 0)), 400, "INVALID_GUARDRAIL");
        expect(with(valid, "guardrails", Map.of("daily_rollback_quota", "many")), 400, "INVALID_GUARDRAIL");
        expect(with(valid, "guardrails", Map.of("max_concurrent_deployments", 1.5)), 400, "INVALID_GUARDRAIL");
        expect(with(valid, "guardrails", "strict"), 400, "INVALID_GUARDRAIL");
        expect(with(valid, "owner", "alice@example.com, not-an-email"), 400, "INVALID_OWNER");
        // Check order (§8): the registry check answers before recipes, guardrails and owner.
        expect(with(with(with(valid, "services", List.of("not-registered")), "allowed_recipes", List.of("x")),
                "owner", "x"), 400, "SERVICE_NOT_ALLOWLISTED");
        assertError(post("/v1/delivery-groups", admin(), "{\"id\":"), 400, "INVALID_REQUEST");
        assertError(post("/v1/delivery-groups", admin(), with(valid, "name", Map.of("x", 1))), 400,
                "INVALID_REQUEST");
        assertError(get("/v1/delivery-groups/" + id, admin()), 404, "NOT_FOUND");
    }

    private void expect(Map<String, Object> body, int status, String code) {
        assertError(post("/v1/delivery-groups", admin(), body), status, code);
    }
}
