package dev.dxcp.server.e2e;

import dev.dxcp.testsupport.http.TestHttp.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers for promotion tests: a service in its own group whose promotion order is sandbox → a new
 * environment of the test's own (bound with order_index 1 and 2), routed there to {@code default}.
 * The sandbox environment itself is never changed; only the test group's binding to it is written.
 */
abstract class PromotionTestSupport extends DeploymentTestSupport {
    static final String PROMOTIONS = "/v1/promotions";

    /** A service, its group, and the environment after sandbox in that group's promotion order. */
    record Path(String service, String group, String target) {
    }

    /** @param targetGuardrails overrides for the target environment only (its lane), or null */
    protected Path promotablePath(String owner, Map<String, Object> targetGuardrails) {
        String service = serviceInOwnGroup(owner, null);
        String group = "grp-" + service;
        String target = newEnvironment("promo", targetGuardrails);
        bind(group, "sandbox", 1, true);
        bind(group, target, 2, true);
        route(service, target, "default");
        return new Path(service, group, target);
    }

    protected String newEnvironment(String prefix, Map<String, Object> guardrails) {
        String id = unique(prefix).toLowerCase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("environment_id", id);
        body.put("type", "non_prod");
        if (guardrails != null) {
            body.put("guardrails", guardrails);
        }
        Response created = post("/v1/environments", freshAdmin(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    protected void bind(String group, String environment, int orderIndex, boolean enabled) {
        Response bound = put("/v1/admin/delivery-groups/" + group + "/environments/" + environment, freshAdmin(),
                Map.of("order_index", orderIndex, "is_enabled", enabled));
        assertThat(bound.status()).as(bound.body()).isEqualTo(200);
    }

    protected void route(String service, String environment, String recipe) {
        Response routed = put("/v1/admin/services/" + service + "/environments/" + environment, freshAdmin(),
                Map.of("recipe_id", recipe));
        assertThat(routed.status()).as(routed.body()).isEqualTo(200);
    }

    protected static Map<String, Object> promotion(String service, String source, String target, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("source_environment", source);
        body.put("target_environment", target);
        body.put("version", version);
        body.put("changeSummary", "promote " + version + " to " + target);
        return body;
    }

    protected Response promote(String token, Map<String, Object> body) {
        return post(PROMOTIONS, token, body, "Idempotency-Key", UUID.randomUUID().toString());
    }

    protected Response validatePromotion(String token, Map<String, Object> body) {
        return post(PROMOTIONS + "/validate", token, body);
    }

    /** Recorded promotion refusals (governance §14 PROMOTION_DENIED) with this code. */
    protected int promotionDenials(String code) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE "
                + "'%DeploymentDenied' AND convert_from(payload, 'UTF8') LIKE ? AND convert_from(payload, 'UTF8') "
                + "LIKE '%\"deploymentKind\":\"PROMOTE\"%'", Integer.class, "%\"code\":\"" + code + "\"%");
        return count == null ? 0 : count;
    }
}
