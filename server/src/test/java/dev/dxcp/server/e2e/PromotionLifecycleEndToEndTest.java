package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * api-contract §6 end to end: a version that succeeded in sandbox is promoted to the next environment
 * of its group's order and runs there through the engine; retries under a key, and the target lane's
 * quota and concurrency.
 */
class PromotionLifecycleEndToEndTest extends PromotionTestSupport {
    private static final String OWNER = "owner.promotion@example.com";

    @Test
    void aVersionThatSucceededInSandboxIsPromotedToTheNextEnvironmentAndRunsThere() {
        Path path = promotablePath(OWNER, null);
        String owner = env.identity.ownerToken(OWNER);
        String service = path.service();
        String version = registered(service);
        String status = "/v1/services/" + service + "/delivery-status";

        JsonNode before = get(status, owner).json().path("promotionCandidate");
        assertThat(before.toString()).isEqualTo("{\"eligible\":false,"
                + "\"reason\":\"PROMOTION_NO_SUCCESSFUL_SOURCE_VERSION\",\"target_environment\":\"" + path.target()
                + "\"}");
        String deployed = deployedSuccessfully(owner, service, version);
        JsonNode candidate = get(status, owner).json().path("promotionCandidate");
        assertThat(candidate.toString()).isEqualTo("{\"eligible\":true,\"source_environment\":\"sandbox\","
                + "\"target_environment\":\"" + path.target() + "\",\"version\":\"" + version
                + "\",\"recipeId\":\"default\"}");

        Map<String, Object> body = promotion(service, "sandbox", path.target(), version);
        Response validated = validatePromotion(owner, body);
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        JsonNode validation = validated.json();
        assertThat(validation.properties().stream().map(Map.Entry::getKey).toList()).containsExactly("service",
                "source_environment", "target_environment", "version", "recipeId", "deliveryGroupId",
                "versionEligible", "policy", "validatedAt");
        assertThat(validation.path("target_environment").asText()).isEqualTo(path.target());
        assertThat(validation.path("recipeId").asText()).isEqualTo("default");
        assertThat(validation.path("deliveryGroupId").asText()).isEqualTo(path.group());
        assertThat(validation.path("versionEligible").asBoolean()).isTrue();
        assertThat(validation.path("policy").path("deployments_used").asInt()).as("the target lane is unused")
                .isZero();
        assertThat(validation.path("policy").path("current_concurrent_deployments").asInt()).isZero();

        Response created = promote(owner, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Idempotency-Replayed")).contains("false");
        JsonNode record = created.json();
        assertThat(record.path("deploymentKind").asText()).isEqualTo("PROMOTE");
        assertThat(record.path("environment").asText()).isEqualTo(path.target());
        assertThat(record.path("sourceEnvironment").asText()).isEqualTo("sandbox");
        assertThat(record.path("version").asText()).isEqualTo(version);
        assertThat(record.path("recipeId").asText()).isEqualTo("default");
        assertThat(record.path("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(record.path("outcome").isNull()).isTrue();
        assertThat(record.path("rollbackOf").isNull()).isTrue();
        assertThat(record.path("deliveryGroupId").asText()).isEqualTo(path.group());
        assertThat(record.path("changeSummary").asText()).isEqualTo(body.get("changeSummary"));
        assertThat(record.has("engineExecutionId")).isFalse();
        String id = record.path("id").asText();

        JsonNode done = awaitTerminal(id);
        assertThat(done.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.path("outcome").asText()).isEqualTo("SUCCEEDED");
        JsonNode parameters = env.gate.execution(done.path("engineExecutionId").asText()).orElseThrow()
                .path("trigger").path("parameters");
        assertThat(parameters.path("version").asText()).isEqualTo(version);
        assertThat(parameters.path("artifactRef").asText()).as("the registered build is what runs in the target")
                .isEqualTo(get("/v1/builds?service=" + service + "&version=" + version, owner).json()
                        .path("artifactRef").asText());

        JsonNode running = get("/v1/services/" + service + "/running?environment=" + path.target(), owner).json();
        assertThat(running.path("environment").asText()).isEqualTo(path.target());
        assertThat(running.path("version").asText()).isEqualTo(version);
        assertThat(running.path("deploymentId").asText()).isEqualTo(id);
        assertThat(running.path("deploymentKind").asText()).isEqualTo("PROMOTE");
        assertThat(get("/v1/services/" + service + "/running", owner).json().path("deploymentId").asText())
                .as("sandbox still runs its own deployment").isEqualTo(deployed);

        JsonNode targetStatus = get(status + "?environment=" + path.target(), owner).json();
        assertThat(targetStatus.path("latest").path("id").asText()).isEqualTo(id);
        assertThat(targetStatus.path("latest").path("deploymentKind").asText()).isEqualTo("PROMOTE");
        assertThat(targetStatus.path("latest").path("sourceEnvironment").asText()).isEqualTo("sandbox");
        assertThat(targetStatus.path("promotionCandidate").toString())
                .isEqualTo("{\"eligible\":false,\"reason\":\"PROMOTION_AT_HIGHEST_ENVIRONMENT\"}");
        assertThat(texts(get("/v1/deployments?service=" + service + "&environment=" + path.target(), owner).json(),
                "id")).containsExactly(id);
        assertThat(texts(get("/v1/deployments/" + id + "/timeline", owner).json(), "key"))
                .containsExactly("submitted", "validated", "in_progress", "succeeded");
    }

    @Test
    void aRetryUnderTheSameKeyReturnsTheFirstRecordAndADifferentIntentUnderItConflicts() {
        Path path = promotablePath(null, null);
        String version = registered(path.service());
        deployedSuccessfully(admin(), path.service(), version);
        Map<String, Object> body = promotion(path.service(), "sandbox", path.target(), version);
        String key = UUID.randomUUID().toString();

        Response first = post(PROMOTIONS, admin(), body, "Idempotency-Key", key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().has("engineExecutionId")).as("admins see the engine keys").isTrue();
        Map<String, Object> respaced = new LinkedHashMap<>(body);
        respaced.put("changeSummary", "  promote   " + version + " to " + path.target() + " ");
        Response replay = post(PROMOTIONS, admin(), respaced, "Idempotency-Key", key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).contains("true");
        assertThat(replay.body()).isEqualTo(first.body());

        Map<String, Object> different = new LinkedHashMap<>(body);
        different.put("changeSummary", "something else");
        assertError(post(PROMOTIONS, admin(), different, "Idempotency-Key", key), 409, "IDEMPOTENCY_CONFLICT");
        assertThat(env.gate.triggerCountByIdempotencyKey(key)).isEqualTo(1);
        assertThat(get("/v1/deployments?service=" + path.service() + "&environment=" + path.target(), admin())
                .json()).hasSize(1);
        assertThat(awaitTerminal(first.json().path("id").asText()).path("state").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theTargetLanesConcurrencyAndQuotaComeAfterEligibilityAndLeaveSandboxAlone() {
        Path path = promotablePath(null, Map.of("daily_deploy_quota", 2, "max_concurrent_deployments", 1));
        String owner = env.identity.ownerToken(OWNER);
        String version = registered(path.service());
        String notInSandbox = registered(path.service());
        deployedSuccessfully(owner, path.service(), version);
        Map<String, Object> body = promotion(path.service(), "sandbox", path.target(), version);
        env.gate.outcomes().forParameter("service", path.service(), Outcome.hang());
        try {
            assertThat(promote(owner, body).status()).isEqualTo(201);
            assertError(validatePromotion(owner, body), 409, "CONCURRENCY_LIMIT_REACHED");
            int concurrencyDenials = promotionDenials("CONCURRENCY_LIMIT_REACHED");
            assertError(promote(owner, body), 409, "CONCURRENCY_LIMIT_REACHED");
            assertThat(promotionDenials("CONCURRENCY_LIMIT_REACHED")).isEqualTo(concurrencyDenials + 1);

            int quotaDenials = promotionDenials("QUOTA_EXCEEDED");
            assertError(promote(owner, body), 429, "QUOTA_EXCEEDED");
            assertThat(promotionDenials("QUOTA_EXCEEDED")).isEqualTo(quotaDenials + 1);
            assertError(validatePromotion(owner, body), 429, "QUOTA_EXCEEDED");
            assertError(promote(owner, promotion(path.service(), "sandbox", path.target(), notInSandbox)), 400,
                    "PROMOTION_VERSION_INELIGIBLE");

            JsonNode sandboxPolicy = post("/v1/policy/summary", owner, Map.of("service", path.service(),
                    "environment", "sandbox")).json().path("policy");
            assertThat(sandboxPolicy.path("deployments_used").asInt()).as("one deploy, no promotions").isEqualTo(1);
            assertThat(sandboxPolicy.path("daily_deploy_quota").asInt()).isEqualTo(25);
        } finally {
            env.gate.outcomes().clear();
            cancelUnfinishedExecutions();
        }
    }

    @Test
    void onlyOwnersAndAdminsPromoteAndTheRoleIsCheckedBeforeTheKillSwitch() {
        Map<String, Object> body = promotion("demo-service", "sandbox", "anywhere", "1.0.0");
        put("/v1/admin/system/mutations-disabled", freshAdmin(), Map.of("mutations_disabled", true));
        try {
            Response observer = promote(env.identity.observerToken(), body);
            assertError(observer, 403, "ROLE_FORBIDDEN");
            assertThat(observer.json().path("message").asText()).isEqualTo("Role OBSERVER cannot promote");
            assertError(promote(ci("promoter"), body), 403, "ROLE_FORBIDDEN");
            assertError(validatePromotion(env.identity.observerToken(), body), 403, "ROLE_FORBIDDEN");
            assertError(validatePromotion(ci("promoter"), body), 403, "ROLE_FORBIDDEN");
            assertError(promote(env.identity.ownerToken(OWNER), body), 503, "MUTATIONS_DISABLED");
            assertError(validatePromotion(env.identity.ownerToken(OWNER), body), 503, "MUTATIONS_DISABLED");
        } finally {
            restoreBaseline();
        }
        String noPrincipal = env.identity.token().claim("sub", null).roles("dxcp-delivery-owners").sign();
        Response unauthenticated = promote(noPrincipal, body);
        assertError(unauthenticated, 401, "UNAUTHORIZED");
        assertThat(unauthenticated.json().path("message").asText())
                .isEqualTo("Authenticated principal claim is required");
        // validate needs no principal (api-contract §1): it goes on to the policy steps
        assertError(validatePromotion(noPrincipal, body), 403, "ENVIRONMENT_NOT_ALLOWED");
        assertThat(List.of(promote(null, body).status(), validatePromotion(null, body).status()))
                .containsOnly(401);
    }
}
