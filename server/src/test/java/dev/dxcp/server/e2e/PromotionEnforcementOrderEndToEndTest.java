package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * api-contract §6's error order for promotions, each test making two steps fail and proving the earlier
 * answers. One service serves them all: its group's order is sandbox → t1 → t2 → t3 → t4, where t1 is
 * routed to default, t2 is not routed, t3 is routed to a recipe the group does not allow, t4 to one the
 * group allows but the service does not; t5 is bound but disabled. Refusals never reach the engine.
 */
class PromotionEnforcementOrderEndToEndTest extends PromotionTestSupport {
    private static final String OWNER = "owner.promotion-order@example.com";
    private static Chain chain;

    record Chain(String service, String t1, String t2, String t3, String t4, String t5, String registered) {
    }

    @AfterEach
    void restore() {
        restoreBaseline();
    }

    private String owner() {
        return env.identity.ownerToken(OWNER);
    }

    private synchronized Chain chain() {
        if (chain == null) {
            Path path = promotablePath(null, null);
            String service = path.service();
            String forbidden = newRecipe("promo-forbidden");
            String foreign = newRecipe("promo-foreign");
            allowRecipe("grp-" + service, foreign);
            String t2 = newEnvironment("promo-t2", null);
            String t3 = newEnvironment("promo-t3", null);
            String t4 = newEnvironment("promo-t4", null);
            String t5 = newEnvironment("promo-t5", null);
            bind("grp-" + service, t2, 3, true);
            bind("grp-" + service, t3, 4, true);
            bind("grp-" + service, t4, 5, true);
            bind("grp-" + service, t5, 6, false);
            route(service, t3, forbidden);
            route(service, t4, foreign);
            route(service, t5, "default");
            chain = new Chain(service, path.target(), t2, t3, t4, t5, registered(service));
        }
        return chain;
    }

    private String newRecipe(String prefix) {
        String id = unique(prefix).toLowerCase();
        Map<String, Object> recipe = Map.of("id", id, "name", "Recipe " + id, "spinnaker_application", "dxcp-demo",
                "deploy_pipeline", "deploy-demo-service", "rollback_pipeline", "rollback-demo-service",
                "effective_behavior_summary", "Deploys in place");
        Response created = post("/v1/recipes", freshAdmin(), recipe);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return id;
    }

    private void allowRecipe(String group, String recipe) {
        ObjectNode update = get("/v1/delivery-groups/" + group, admin()).json().deepCopy();
        ((ArrayNode) update.get("allowed_recipes")).add(recipe);
        update.remove(List.of("created_at", "created_by", "updated_at", "updated_by", "last_change_reason"));
        Response response = put("/v1/delivery-groups/" + group, freshAdmin(), update);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** Both endpoints answer the same refusal; create also records it as a promotion denial. */
    private void refusedBoth(Map<String, Object> body, int status, String code) {
        int denials = promotionDenials(code);
        assertError(promote(owner(), body), status, code);
        assertError(validatePromotion(owner(), body), status, code);
        assertThat(promotionDenials(code)).as("PROMOTION_DENIED " + code).isEqualTo(denials + 1);
    }

    @Test
    void killSwitchComesBeforeTheKeyAndBothAreAuditedAsPromotionDenials() {
        Map<String, Object> body = promotion("demo-service", "sandbox", "anywhere", "1.0.0");
        put("/v1/admin/system/mutations-disabled", freshAdmin(), Map.of("mutations_disabled", true));
        int killSwitch = promotionDenials("MUTATIONS_DISABLED");
        assertError(post(PROMOTIONS, owner(), Map.of("nonsense", true)), 503, "MUTATIONS_DISABLED");
        assertThat(promotionDenials("MUTATIONS_DISABLED")).isEqualTo(killSwitch + 1);
        restoreBaseline();
        int key = promotionDenials("IDMP_KEY_REQUIRED");
        assertError(post(PROMOTIONS, owner(), body), 400, "IDMP_KEY_REQUIRED");
        assertError(post(PROMOTIONS, owner(), body, "Idempotency-Key", "  "), 400, "IDMP_KEY_REQUIRED");
        assertThat(promotionDenials("IDMP_KEY_REQUIRED")).isEqualTo(key + 2);
    }

    @Test
    void everyFieldIsRequiredAndSchemaErrorsAreInvalidRequest() {
        Map<String, Object> valid = promotion("demo-service", "sandbox", "anywhere", "1.0.0");
        for (String field : List.of("service", "source_environment", "target_environment", "version",
                "changeSummary")) {
            Map<String, Object> missing = new java.util.LinkedHashMap<>(valid);
            missing.remove(field);
            assertError(promote(owner(), missing), 400, "INVALID_REQUEST");
            assertError(validatePromotion(owner(), missing), 400, "INVALID_REQUEST");
        }
        Map<String, Object> tooLong = new java.util.LinkedHashMap<>(valid);
        tooLong.put("changeSummary", "x".repeat(241));
        assertError(promote(owner(), tooLong), 400, "INVALID_REQUEST");
        Map<String, Object> wrongType = new java.util.LinkedHashMap<>(valid);
        wrongType.put("target_environment", List.of("t1"));
        assertError(promote(owner(), wrongType), 400, "INVALID_REQUEST");
    }

    @Test
    void aTargetEqualToTheSourceIsRefusedBeforeTheDeliveryGroup() {
        refusedBoth(promotion("no-such-service", "sandbox", "sandbox", "1.0.0"), 400, "PROMOTION_TARGET_REQUIRED");
        assertError(promote(owner(), promotion("no-such-service", "sandbox", "", "1.0.0")), 400,
                "PROMOTION_TARGET_REQUIRED");
        refusedBoth(promotion("no-such-service", "sandbox", chain().t1(), "1.0.0"), 403,
                "SERVICE_NOT_IN_DELIVERY_GROUP");
    }

    @Test
    void bothEnvironmentsMustBeUsableByTheGroupBeforeThePathIsChecked() {
        Chain c = chain();
        refusedBoth(promotion(c.service(), "nowhere", c.t5(), c.registered()), 403, "ENVIRONMENT_NOT_ALLOWED");
        refusedBoth(promotion(c.service(), "sandbox", c.t5(), c.registered()), 403, "ENVIRONMENT_DISABLED");
        refusedBoth(promotion(c.service(), "sandbox", "nowhere", c.registered()), 403, "ENVIRONMENT_NOT_ALLOWED");
        refusedBoth(promotion(c.service(), "", c.t1(), c.registered()), 400, "ENVIRONMENT_REQUIRED");
    }

    @Test
    void theTargetMustBeTheNextEnvironmentOfTheOrderBeforeItsRouteIsLookedUp() {
        Chain c = chain();
        Response jump = promote(owner(), promotion(c.service(), "sandbox", c.t2(), c.registered()));
        assertError(jump, 400, "PROMOTION_PATH_NOT_ALLOWED");
        assertThat(jump.json().path("failure_cause").asText()).isEqualTo("USER_ERROR");
        refusedBoth(promotion(c.service(), "sandbox", c.t2(), c.registered()), 400, "PROMOTION_PATH_NOT_ALLOWED");
        refusedBoth(promotion(c.service(), c.t1(), "sandbox", c.registered()), 400, "PROMOTION_PATH_NOT_ALLOWED");
    }

    @Test
    void theTargetsRouteDecidesTheRecipeBeforeTheVersionIsLookedUp() {
        Chain c = chain();
        refusedBoth(promotion(c.service(), c.t1(), c.t2(), "9.9.9"), 400, "SERVICE_ENVIRONMENT_NOT_ROUTED");
    }

    @Test
    void groupPolicyOnTheRecipeComesBeforeCompatibility() {
        Chain c = chain();
        Response forbidden = promote(owner(), promotion(c.service(), c.t2(), c.t3(), "not-a-version"));
        assertError(forbidden, 403, "RECIPE_NOT_ALLOWED");
        assertThat(forbidden.json().path("message").asText()).isEqualTo("Action not permitted by DeliveryGroup policy");
        refusedBoth(promotion(c.service(), c.t2(), c.t3(), "not-a-version"), 403, "RECIPE_NOT_ALLOWED");
        Response incompatible = promote(owner(), promotion(c.service(), c.t3(), c.t4(), "9.9.9"));
        assertError(incompatible, 400, "RECIPE_INCOMPATIBLE");
        assertThat(incompatible.json().path("message").asText())
                .isEqualTo("Service or recipe is incompatible with this request");
    }

    @Test
    void compatibilityThenTheRegisteredVersionThenItsSuccessInTheSource() {
        Chain c = chain();
        int triggers = env.gate.triggerCount();
        refusedBoth(promotion(c.service(), "sandbox", c.t1(), "not-a-version"), 400, "INVALID_VERSION");
        refusedBoth(promotion(c.service(), "sandbox", c.t1(), uniqueVersion()), 400, "VERSION_NOT_FOUND");
        Response ineligible = promote(owner(), promotion(c.service(), "sandbox", c.t1(), c.registered()));
        assertError(ineligible, 400, "PROMOTION_VERSION_INELIGIBLE");
        assertThat(ineligible.json().path("failure_cause").asText()).isEqualTo("USER_ERROR");
        refusedBoth(promotion(c.service(), "sandbox", c.t1(), c.registered()), 400, "PROMOTION_VERSION_INELIGIBLE");
        assertThat(env.gate.triggerCount()).as("the engine is never called for a refused promotion")
                .isEqualTo(triggers);
        JsonNode history = get("/v1/deployments?service=" + c.service(), owner()).json();
        assertThat(history).as("refusals leave no record").isEmpty();
    }
}
