package dev.dxcp.server.e2e;

import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * governance §5's single enforcement order for POST /v1/deployments, one test per step, each making
 * two steps fail and proving the earlier answers; refusals from the kill switch on are audited.
 */
class DeploymentEnforcementOrderEndToEndTest extends DeploymentTestSupport {
    private static final String OWNER = "owner.order@example.com";

    @AfterEach
    void restore() {
        restoreBaseline();
    }

    private String owner() {
        return env.identity.ownerToken(OWNER);
    }

    @Test
    void principalIsRequiredAfterAuthentication() {
        String noPrincipal = env.identity.token().claim("sub", null).roles("dxcp-delivery-owners").sign();
        Response response = deploy(noPrincipal, intent("demo-service", "1.0.0"));
        assertError(response, 401, "UNAUTHORIZED");
        assertThat(response.json().path("message").asText()).isEqualTo("Authenticated principal claim is required");
    }

    @Test
    void roleComesBeforeTheKillSwitch() {
        put("/v1/admin/system/mutations-disabled", admin(), Map.of("mutations_disabled", true));
        Response observer = deploy(env.identity.observerToken(), intent("demo-service", "1.0.0"));
        assertError(observer, 403, "ROLE_FORBIDDEN");
        assertThat(observer.json().path("message").asText()).isEqualTo("Role OBSERVER cannot deploy");
        assertError(deploy(ci("deploy-attempt"), intent("demo-service", "1.0.0")), 403, "ROLE_FORBIDDEN");
    }

    @Test
    void killSwitchComesBeforeTheKeyAndIsAudited() {
        put("/v1/admin/system/mutations-disabled", admin(), Map.of("mutations_disabled", true));
        int before = deniedEvents("MUTATIONS_DISABLED");
        assertError(post("/v1/deployments", owner(), intent("demo-service", "1.0.0")), 503, "MUTATIONS_DISABLED");
        assertError(post("/v1/deployments/validate", owner(), intent("demo-service", "1.0.0")), 503,
                "MUTATIONS_DISABLED");
        assertThat(post("/v1/policy/summary", owner(), Map.of("service", "demo-service", "environment", "sandbox"))
                .status()).isEqualTo(200);
        assertThat(deniedEvents("MUTATIONS_DISABLED")).isEqualTo(before + 1);
    }

    @Test
    void keyComesBeforeTheSchemaAndIsAudited() {
        int before = deniedEvents("IDMP_KEY_REQUIRED");
        assertError(post("/v1/deployments", owner(), Map.of("nonsense", true)), 400, "IDMP_KEY_REQUIRED");
        assertThat(deniedEvents("IDMP_KEY_REQUIRED")).isEqualTo(before + 1);
    }

    @Test
    void schemaErrorsAreInvalidRequestAndAMissingEnvironmentIsOne() {
        Map<String, Object> missing = intent("demo-service", "1.0.0");
        missing.remove("environment");
        assertError(deploy(owner(), missing), 400, "INVALID_REQUEST");
        Map<String, Object> tooLong = intent("demo-service", "1.0.0");
        tooLong.put("changeSummary", "x".repeat(241));
        assertError(deploy(owner(), tooLong), 400, "INVALID_REQUEST");
        Map<String, Object> wrongType = intent("demo-service", "1.0.0");
        wrongType.put("version", Map.of("major", 1));
        assertError(deploy(owner(), wrongType), 400, "INVALID_REQUEST");
    }

    @Test
    void aServiceInNoDeliveryGroupIsRefusedBeforeEnvironmentChecksAndAudited() {
        int before = deniedEvents("SERVICE_NOT_IN_DELIVERY_GROUP");
        Map<String, Object> intent = intent("no-such-service", "1.0.0");
        intent.put("environment", "");
        Response response = deploy(owner(), intent);
        assertError(response, 403, "SERVICE_NOT_IN_DELIVERY_GROUP");
        assertThat(response.json().path("message").asText()).isEqualTo("Action not permitted by DeliveryGroup policy");
        assertThat(deniedEvents("SERVICE_NOT_IN_DELIVERY_GROUP")).isEqualTo(before + 1);
    }

    @Test
    void environmentRulesComeBeforeRecipeResolution() {
        String service = serviceInOwnGroup(null, null);
        Map<String, Object> empty = intent(service, "1.0.0");
        empty.put("environment", "");
        empty.put("recipeId", "no-such-recipe");
        assertError(deploy(owner(), empty), 400, "ENVIRONMENT_REQUIRED");
        Map<String, Object> unknown = intent(service, "1.0.0");
        unknown.put("environment", "moon");
        unknown.put("recipeId", "no-such-recipe");
        assertError(deploy(owner(), unknown), 403, "ENVIRONMENT_NOT_ALLOWED");
    }

    @Test
    void recipeResolutionComesBeforeGroupPermissionAndCompatibility() {
        String service = serviceInOwnGroup(null, null);
        Map<String, Object> unknownRecipe = intent(service, "not-a-version");
        unknownRecipe.put("recipeId", "no-such-recipe");
        assertError(deploy(owner(), unknownRecipe), 404, "RECIPE_NOT_FOUND");
    }

    @Test
    void groupPolicyComesBeforeCompatibility() {
        String service = serviceInOwnGroup(null, null);
        Response recipe = post("/v1/recipes", freshAdmin(), Map.of("id", "unlisted-" + service, "name",
                "Unlisted " + service, "effective_behavior_summary", "Not allowed for the group",
                "spinnaker_application", "dxcp-demo", "deploy_pipeline", "deploy-demo-service"));
        assertThat(recipe.status()).as(recipe.body()).isEqualTo(200);
        Map<String, Object> intent = intent(service, "not-a-version");
        intent.put("recipeId", "unlisted-" + service);
        Response response = deploy(owner(), intent);
        assertError(response, 403, "RECIPE_NOT_ALLOWED");
    }

    @Test
    void compatibilityChecksComeBeforeTheVersionRegistry() {
        String service = serviceInOwnGroup(null, null);
        Response invalid = deploy(owner(), intent(service, "1.2"));
        assertError(invalid, 400, "INVALID_VERSION");
        assertThat(invalid.json().path("message").asText()).isEqualTo("Service or recipe is incompatible with this request");
    }

    @Test
    void anUnregisteredVersionIsVersionNotFoundAndAudited() {
        String service = serviceInOwnGroup(null, null);
        int before = deniedEvents("VERSION_NOT_FOUND");
        assertError(deploy(owner(), intent(service, "9.9.9")), 400, "VERSION_NOT_FOUND");
        assertThat(deniedEvents("VERSION_NOT_FOUND")).isEqualTo(before + 1);
    }

    @Test
    void aBuildRegisteredAMomentAgoIsDeployableAtOnce() {
        String service = serviceInOwnGroup(null, null);
        String version = uniqueVersion();
        assertThat(register(ci("instant"), UUID.randomUUID().toString(), buildBody(service, version)).status())
                .isEqualTo(201);
        assertThat(deploy(owner(), intent(service, version)).status()).isEqualTo(201);
    }

    @Test
    void quotaComesBeforeConcurrencyAndARefusedConcurrencyStillUsesQuota() {
        String service = serviceInOwnGroup(null, Map.of("daily_deploy_quota", 2, "max_concurrent_deployments", 1));
        env.gate.outcomes().forParameter("service", service, dev.dxcp.gatesim.control.Outcome.hang());
        try {
            String version = registered(service);
            assertThat(deploy(owner(), intent(service, version)).status()).isEqualTo(201);
            int quotaDenials = deniedEvents("QUOTA_EXCEEDED");
            assertError(deploy(owner(), intent(service, version)), 409, "CONCURRENCY_LIMIT_REACHED");
            assertError(deploy(owner(), intent(service, version)), 429, "QUOTA_EXCEEDED");
            assertThat(deniedEvents("QUOTA_EXCEEDED")).isEqualTo(quotaDenials + 1);
            assertError(post("/v1/deployments/validate", owner(), intent(service, version)), 429, "QUOTA_EXCEEDED");
        } finally {
            env.gate.outcomes().clear();
            cancelUnfinishedExecutions();
        }
    }

    @Test
    void theEngineIsNeverCalledWhenAnEarlierStepFails() {
        String service = serviceInOwnGroup(null, null);
        int triggers = env.gate.triggerCount();
        deploy(owner(), intent(service, "9.9.9"));
        deploy(env.identity.observerToken(), intent(service, "9.9.9"));
        Map<String, Object> badRecipe = intent(service, registered(service));
        badRecipe.put("recipeId", "no-such-recipe");
        deploy(owner(), badRecipe);
        assertThat(env.gate.triggerCount()).isEqualTo(triggers);
    }

    @Test
    void rollbackChecksTargetThenKindThenPriorVersion() {
        String service = serviceInOwnGroup(OWNER, Map.of("max_concurrent_deployments", 3));
        assertError(rollback(owner(), UUID.randomUUID().toString()), 404, "NOT_FOUND");
        String only = deployedSuccessfully(owner(), service, registered(service));
        int before = deniedEvents("NO_PRIOR_SUCCESSFUL_VERSION");
        assertError(rollback(owner(), only), 400, "NO_PRIOR_SUCCESSFUL_VERSION");
        assertThat(deniedEvents("NO_PRIOR_SUCCESSFUL_VERSION")).isEqualTo(before + 1);
        String second = deployedSuccessfully(owner(), service, registered(service));
        String rolledBack = rollback(owner(), second).json().path("id").asText();
        awaitTerminal(rolledBack);
        assertError(rollback(owner(), rolledBack), 400, "ROLLBACK_OF_ROLLBACK");
        assertError(rollback(env.identity.observerToken(), second), 403, "ROLE_FORBIDDEN");
        assertThat(List.of(only, second, rolledBack)).doesNotHaveDuplicates();
    }
}
