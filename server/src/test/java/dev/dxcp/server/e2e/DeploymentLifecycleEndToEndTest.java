package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner deploys, deploys again, rolls back; every answer checked against the contract: record
 * fields, history order, outcomes (SUCCEEDED, SUPERSEDED, ROLLED_BACK), running state, timeline.
 */
class DeploymentLifecycleEndToEndTest extends DeploymentTestSupport {
    private static final String OWNER = "owner.lifecycle@example.com";

    @Test
    void deploySupersedeAndRollBackAsTheContractDescribes() {
        String service = serviceInOwnGroup(OWNER, null);
        String owner = env.identity.ownerToken(OWNER);
        String v1 = registered(service);
        String v2 = registered(service);

        Response created = deploy(owner, intent(service, v1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Idempotency-Replayed")).contains("false");
        JsonNode record = created.json();
        assertThat(record.path("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(record.path("deploymentKind").asText()).isEqualTo("ROLL_FORWARD");
        assertThat(record.path("outcome").isNull()).isTrue();
        assertThat(record.path("rollbackOf").isNull()).isTrue();
        assertThat(record.path("engine_type").asText()).isEqualTo("SPINNAKER");
        assertThat(record.path("deliveryGroupId").asText()).isEqualTo("grp-" + service);
        assertThat(record.path("recipeRevision").asInt()).isEqualTo(1);
        assertThat(record.has("engineExecutionId")).isFalse();
        String first = record.path("id").asText();

        // Read-your-writes: the record, its history entry and the lane are visible at once.
        assertThat(get("/v1/deployments/" + first, owner).status()).isEqualTo(200);
        assertThat(texts(get("/v1/deployments?service=" + service, owner).json(), "id")).containsExactly(first);

        JsonNode done = awaitTerminal(first);
        assertThat(done.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.path("engineExecutionId").asText()).isNotBlank();
        assertThat(done.path("engineExecutionUrl").asText()).contains("/pipelines/");
        assertThat(texts(get("/v1/deployments/" + first + "/timeline", owner).json(), "key"))
                .containsExactly("submitted", "validated", "in_progress", "succeeded");
        JsonNode running = get("/v1/services/" + service + "/running", owner).json();
        assertThat(running.path("version").asText()).isEqualTo(v1);
        assertThat(running.path("deploymentId").asText()).isEqualTo(first);
        assertThat(running.path("scope").asText()).isEqualTo("service");

        String second = deployedSuccessfully(owner, service, v2);
        assertThat(get("/v1/deployments/" + first, owner).json().path("outcome").asText()).isEqualTo("SUPERSEDED");
        assertThat(get("/v1/services/" + service + "/running", owner).json().path("version").asText()).isEqualTo(v2);

        Response rolledBack = rollback(owner, second);
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(201);
        JsonNode rollbackRecord = rolledBack.json();
        assertThat(rollbackRecord.path("deploymentKind").asText()).isEqualTo("ROLLBACK");
        assertThat(rollbackRecord.path("rollbackOf").asText()).isEqualTo(second);
        assertThat(rollbackRecord.path("version").asText()).isEqualTo(v1);
        assertThat(rollbackRecord.path("changeSummary").asText()).isEqualTo("rollback of " + second + " to " + v1);
        String third = rollbackRecord.path("id").asText();
        assertThat(awaitTerminal(third).path("state").asText()).isEqualTo("SUCCEEDED");

        assertThat(get("/v1/deployments/" + second, owner).json().path("outcome").asText()).isEqualTo("ROLLED_BACK");
        assertThat(get("/v1/deployments/" + third, owner).json().path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(get("/v1/deployments/" + first, owner).json().path("outcome").asText()).isEqualTo("SUPERSEDED");
        JsonNode runningAfter = get("/v1/services/" + service + "/running", owner).json();
        assertThat(runningAfter.path("version").asText()).isEqualTo(v1);
        assertThat(runningAfter.path("deploymentKind").asText()).isEqualTo("ROLLBACK");
        assertThat(texts(get("/v1/deployments/" + third + "/timeline", owner).json(), "key"))
                .containsExactly("submitted", "validated", "rollback_started", "rollback_succeeded");
        assertThat(texts(get("/v1/deployments?service=" + service, owner).json(), "id"))
                .containsExactly(third, second, first);

        JsonNode status = get("/v1/services/" + service + "/delivery-status", env.identity.observerToken()).json();
        assertThat(status.path("hasDeployments").asBoolean()).isTrue();
        assertThat(status.path("environment").asText()).isEqualTo("sandbox");
        assertThat(status.path("latest").path("id").asText()).isEqualTo(third);
        assertThat(status.path("latest").path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(status.path("latest").has("engineExecutionId")).isFalse();
        assertThat(status.path("currentRunning").path("deploymentId").asText()).isEqualTo(third);
        // No bindings and no legacy list: the default order sandbox, dev, … applies, and dev does not exist.
        assertThat(status.path("promotionCandidate").path("eligible").asBoolean()).isFalse();
        assertThat(status.path("promotionCandidate").path("reason").asText()).isEqualTo("ENVIRONMENT_NOT_ALLOWED");
        assertThat(status.path("promotionCandidate").path("target_environment").asText()).isEqualTo("dev");
        assertThat(get("/v1/services/" + service + "/delivery-status", admin()).json().path("latest")
                .has("engineExecutionId")).isTrue();
    }

    @Test
    void aSameKeyRetryReturnsTheSameRecordAndADifferentIntentUnderItConflicts() {
        String service = serviceInOwnGroup(null, Map.of("max_concurrent_deployments", 5));
        String owner = env.identity.ownerToken("any.owner@example.com");
        String version = registered(service);
        String key = UUID.randomUUID().toString();
        Response first = post("/v1/deployments", owner, intent(service, version), "Idempotency-Key", key);
        Response again = post("/v1/deployments", owner, intent(service, version), "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).contains("true");
        assertThat(again.body()).isEqualTo(first.body());
        Map<String, Object> other = intent(service, version);
        other.put("changeSummary", "something else");
        assertError(post("/v1/deployments", owner, other, "Idempotency-Key", key), 409, "IDEMPOTENCY_CONFLICT");
        assertThat(texts(get("/v1/deployments?service=" + service, owner).json(), "id")).hasSize(1);
    }

    @Test
    void deploymentRecordsAreImmutable() {
        String service = serviceInOwnGroup(null, null);
        String id = deploy(admin(), intent(service, registered(service))).json().path("id").asText();
        for (String method : List.of("PATCH", "PUT", "POST", "DELETE")) {
            assertError(TestHttp.send(method, url("/v1/deployments/" + id), admin(), method.equals("DELETE") ? null
                    : Map.of("state", "SUCCEEDED")), 405, "HTTP_ERROR");
        }
        assertThat(awaitTerminal(id).path("state").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void validateAndPolicySummaryReportThePolicyWithoutConsumingAnything() {
        String service = serviceInOwnGroup(null, Map.of("daily_deploy_quota", 2, "max_concurrent_deployments", 1));
        String version = registered(service);
        Response validated = post("/v1/deployments/validate", admin(), intent(service, version));
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        JsonNode body = validated.json();
        assertThat(body.path("versionRegistered").asBoolean()).isTrue();
        assertThat(body.path("deliveryGroupId").asText()).isEqualTo("grp-" + service);
        assertThat(body.path("policy").path("daily_deploy_quota").asInt()).isEqualTo(2);
        assertThat(body.path("policy").path("deployments_remaining").asInt()).isEqualTo(2);
        assertThat(body.path("policy").path("max_concurrent_deployments").isInt()).isTrue();
        assertThat(post("/v1/deployments/validate", admin(), intent(service, version)).json()
                .path("policy").path("deployments_used").asInt()).isZero();

        Response summary = post("/v1/policy/summary", admin(), Map.of("service", service, "environment", "sandbox"));
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        List<String> keys = new java.util.ArrayList<>();
        summary.json().fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("service", "environment", "recipeId", "deliveryGroupId", "resolvedRecipe",
                "policy", "generatedAt");
        assertThat(summary.json().path("resolvedRecipe").path("routing").path("recipe_id").asText())
                .isEqualTo("default");
        assertThat(summary.json().path("policy").path("daily_deploy_quota").asInt()).isEqualTo(2);
    }

    @Test
    void allowedActionsFollowTheRole() {
        String service = "demo-service";
        assertThat(get("/v1/services/" + service + "/allowed-actions", env.identity.observerToken()).json()
                .path("actions").toString()).isEqualTo("{\"view\":true,\"deploy\":false,\"rollback\":false}");
        assertThat(get("/v1/services/" + service + "/allowed-actions", env.identity.ownerToken("o@example.com"))
                .json().path("actions").toString()).isEqualTo("{\"view\":true,\"deploy\":true,\"rollback\":true}");
        JsonNode ci = get("/v1/services/" + service + "/allowed-actions", ci("actions")).json();
        assertThat(ci.path("actions").toString()).isEqualTo("{\"view\":false,\"deploy\":false,\"rollback\":false}");
        assertThat(ci.path("role").asText()).isEqualTo("CI_PUBLISHER");
        assertError(get("/v1/services/unknown-svc/allowed-actions", admin()), 403, "SERVICE_NOT_ALLOWLISTED");
        assertThat(get("/v1/services/demo-service/running", admin()).body()).isEqualTo("null");
    }

    @Test
    void anEnvironmentWithDeploymentRecordsCannotBeDeletedAndNamesThem() {
        String service = serviceInOwnGroup(null, null);
        String id = deployedSuccessfully(admin(), service, registered(service));
        Response refused = TestHttp.delete(url("/v1/environments/sandbox"), freshAdmin());
        assertError(refused, 409, "ENVIRONMENT_DELETE_BLOCKED_REFERENCED");
        JsonNode deployments = null;
        for (JsonNode reference : refused.json().path("details").path("references")) {
            if (reference.path("reference_type").asText().equals("deployments")) {
                deployments = reference;
            }
        }
        assertThat(deployments).as(refused.body()).isNotNull();
        assertThat(deployments.path("count").asLong()).isPositive();
        assertThat(deployments.path("examples").toString()).contains(id);
    }
}
