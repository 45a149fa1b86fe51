package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** api-contract §11: POST /v1/admin/guardrails/validate previews a group or recipe and saves nothing. */
class ConfigurationGuardrailsValidateEndToEndTest extends ConfigurationEndToEndTest {
    private static final String PATH = "/v1/admin/guardrails/validate";

    @Test
    void aCompleteGroupIsOk() {
        JsonNode result = post(PATH, admin(), Map.of("services", List.of("e2e-svc-53"), "allowed_recipes",
                List.of("default"), "guardrails", Map.of("max_concurrent_deployments", 2, "daily_deploy_quota", 20,
                        "daily_rollback_quota", 5), "id", "default")).json();
        assertThat(result.toString()).isEqualTo("{\"validation_status\":\"OK\",\"messages\":[]}");
    }

    @Test
    void brokenGuardrailsAreErrorsAndUnsetOnesWarnings() {
        JsonNode result = post(PATH, admin(), Map.of("guardrails", Map.of("max_concurrent_deployments", 0))).json();
        assertThat(result.path("validation_status").asText()).isEqualTo("ERROR");
        assertThat(result.path("messages").get(0).toString()).startsWith(
                "{\"type\":\"ERROR\",\"field\":\"max_concurrent_deployments\",\"message\":");
        assertThat(texts(result.path("messages"), "type")).contains("WARNING");

        JsonNode warnings = post(PATH, admin(), Map.of("guardrails", Map.of("daily_deploy_quota", "30"),
                "services", List.of(), "allowed_recipes", List.of("default"))).json();
        assertThat(warnings.path("validation_status").asText()).isEqualTo("WARNING");
        assertThat(texts(warnings.path("messages"), "field"))
                .containsExactly("max_concurrent_deployments", "daily_rollback_quota", "services");
    }

    @Test
    void groupRulesThatDependOnTheStoreAreErrorsToo() {
        JsonNode result = post(PATH, admin(), Map.of("services", List.of("e2e-svc-54", "not-registered"),
                "allowed_recipes", List.of("no-such-recipe"), "id", unique("preview"))).json();
        assertThat(result.path("validation_status").asText()).isEqualTo("ERROR");
        List<String> messages = texts(result.path("messages"), "message");
        assertThat(messages).anyMatch(m -> m.contains("e2e-svc-54") && m.contains("default"));
        assertThat(messages).anyMatch(m -> m.contains("not-registered"));
        assertThat(messages).anyMatch(m -> m.contains("no-such-recipe"));
    }

    @Test
    void aRecipeShapedBodyIsCheckedWithTheRecipeRules() {
        JsonNode ok = post(PATH, admin(), recipeBody(unique("preview-recipe"))).json();
        assertThat(ok.path("validation_status").asText()).isEqualTo("OK");
        JsonNode broken = post(PATH, admin(), Map.of("id", "x", "deploy_pipeline", "deploy")).json();
        assertThat(broken.path("validation_status").asText()).isEqualTo("ERROR");
        assertThat(texts(broken.path("messages"), "field")).contains("name", "spinnaker_application",
                "effective_behavior_summary");
    }

    @Test
    void anythingElseIsAnInvalidRequestAndNothingIsEverSaved() {
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        assertError(post(PATH, admin(), Map.of("colour", "blue")), 400, "INVALID_REQUEST");
        assertError(post(PATH, admin(), "[1,2]"), 400, "INVALID_REQUEST");
        Response preview = post(PATH, admin(), Map.of("services", List.of("e2e-svc-55"), "id", unique("ghost"),
                "allowed_recipes", List.of("default")));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class)).isEqualTo(events);
    }
}
