package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.command.configuration.DeliveryConfigurationView;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers of the delivery-configuration end-to-end tests. The database is shared with every other e2e
 * class and the seeded {@code default} group holds every registry service, so these tests create their
 * own uniquely named groups and environments, borrow only e2e-svc-50..60 from {@code default}, and give
 * them back; they never name an environment {@code prod} or change {@code sandbox}.
 */
abstract class ConfigurationEndToEndTest extends EndToEndTest {
    static final String DEFAULT_GROUP = "default";
    static final String ADMIN_ACTOR = "admin@dxcp.example";

    @Autowired
    protected DeliveryConfigurationView configuration;

    protected Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    protected Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, body);
    }

    /** A valid group body without services (so it never collides with {@code default}). */
    protected static Map<String, Object> groupBody(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Group " + id);
        body.put("services", List.of());
        body.put("allowed_recipes", List.of("default"));
        return body;
    }

    protected static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    protected static Map<String, Object> without(Map<String, Object> body, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(key);
        return copy;
    }

    protected JsonNode createGroup(Map<String, Object> body) {
        Response created = post("/v1/delivery-groups", admin(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** A valid recipe body. */
    protected static Map<String, Object> recipeBody(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Recipe " + id);
        body.put("description", "An e2e recipe");
        body.put("spinnaker_application", "dxcp-demo");
        body.put("deploy_pipeline", "deploy-demo-service");
        body.put("rollback_pipeline", "rollback-demo-service");
        body.put("effective_behavior_summary", "Deploys in place");
        return body;
    }

    /** A new environment id matching the contract's pattern. */
    protected static String environmentId(String prefix) {
        return unique(prefix).toLowerCase();
    }

    protected JsonNode createEnvironment(String id, String type) {
        Response created = post("/v1/environments", admin(), Map.of("environment_id", id, "type", type));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Takes services out of {@code default}, keeping everything else it stores exactly as it is. */
    protected void takeFromDefault(List<String> services) {
        DeliveryGroup stored = configuration.current().group(DEFAULT_GROUP).orElseThrow();
        List<String> remaining = new ArrayList<>(stored.services());
        remaining.removeAll(services);
        putDefault(stored, remaining, "e2e: lend " + services);
    }

    /** Returns services to {@code default}; the borrowing group must have released them first. */
    protected void giveBackToDefault(List<String> services) {
        DeliveryGroup stored = configuration.current().group(DEFAULT_GROUP).orElseThrow();
        List<String> all = new ArrayList<>(stored.services());
        services.stream().filter(service -> !all.contains(service)).forEach(all::add);
        putDefault(stored, all, "e2e: return " + services);
    }

    private void putDefault(DeliveryGroup stored, List<String> services, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", stored.id());
        body.put("name", stored.name());
        body.put("description", stored.description());
        body.put("owner", stored.owner());
        body.put("services", services);
        body.put("allowed_recipes", stored.allowedRecipes());
        body.put("guardrails", guardrails(stored.guardrails()));
        body.put("change_reason", reason);
        Response response = put("/v1/delivery-groups/" + DEFAULT_GROUP, freshAdmin(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static Map<String, Object> guardrails(Guardrails rails) {
        if (rails == null) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("max_concurrent_deployments", rails.maxConcurrentDeployments());
        values.put("daily_deploy_quota", rails.dailyDeployQuota());
        values.put("daily_rollback_quota", rails.dailyRollbackQuota());
        return values;
    }

    protected static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }

    protected static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    protected static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(node -> node.path(field).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError(value + " not in " + array));
    }
}
