package dev.dxcp.server.http.openapi;

import java.util.ArrayList;
import java.util.List;

/** Error answers shared by many routes, named after the contract section they come from. */
final class ErrorSets {
    /**
     * What any authenticated /v1 route can answer whatever it does (governance §1, §7, §12; the HTTP
     * edge's body and media type checks; a database outage).
     */
    static final List<String> EVERY_AUTHENTICATED_ROUTE = List.of("400 INVALID_REQUEST", "400 HTTP_ERROR",
            "401 UNAUTHORIZED", "403 AUTHZ_ROLE_REQUIRED", "413 HTTP_ERROR", "415 HTTP_ERROR", "429 RATE_LIMITED",
            "500 INTERNAL_ERROR", "500 OIDC_CONFIG_MISSING", "503 SERVICE_UNAVAILABLE");

    /** Engine error codes (governance §13). */
    static final List<String> ENGINE = List.of("502 ENGINE_UNAUTHORIZED", "502 ENGINE_MISCONFIGURED",
            "502 ENGINE_CALL_FAILED", "503 ENGINE_UNAVAILABLE", "504 ENGINE_TIMEOUT");

    /** Group policy (403) then compatibility (400) checks of a deployment scope, governance §5 steps 6–11. */
    static final List<String> SCOPE_POLICY = List.of("403 SERVICE_NOT_IN_DELIVERY_GROUP", "400 ENVIRONMENT_REQUIRED",
            "403 ENVIRONMENT_NOT_ALLOWED", "403 ENVIRONMENT_RETIRED", "403 ENVIRONMENT_DISABLED",
            "400 SERVICE_ENVIRONMENT_NOT_ROUTED", "404 RECIPE_NOT_FOUND", "403 RECIPE_DEPRECATED",
            "403 RECIPE_NOT_ALLOWED", "400 SERVICE_NOT_ALLOWLISTED", "400 INVALID_ENVIRONMENT",
            "400 ENVIRONMENT_DISABLED", "400 INVALID_VERSION", "400 RECIPE_INCOMPATIBLE");

    /** Role and principal checks of deploy-like routes (governance §5 steps 1–3). */
    static final List<String> DEPLOYER = List.of("403 ROLE_FORBIDDEN");

    /** Deployment reads scoped by delivery group (governance §4); 404 first. */
    static final List<String> DEPLOYMENT_READ = List.of("404 NOT_FOUND", "403 DELIVERY_GROUP_SCOPE_REQUIRED");

    /** Build endpoints (governance §5, builds order). */
    static final List<String> BUILD = List.of("403 CI_ONLY", "400 IDMP_KEY_REQUIRED", "400 INVALID_BUILD_REGISTRATION",
            "409 BUILD_REGISTRATION_CONFLICT", "429 QUOTA_EXCEEDED", "403 SERVICE_NOT_ALLOWLISTED",
            "400 INVALID_VERSION", "400 INVALID_ARTIFACT", "400 INVALID_URL");

    /** Delivery-group body validation (api-contract §8). */
    static final List<String> DELIVERY_GROUP_BODY = List.of("403 ROLE_FORBIDDEN", "400 INVALID_SERVICES",
            "400 INVALID_RECIPES", "400 INVALID_ENVIRONMENTS", "400 SERVICE_NOT_ALLOWLISTED",
            "409 SERVICE_ALREADY_ASSIGNED", "400 RECIPE_NOT_FOUND", "400 INVALID_GUARDRAIL", "400 INVALID_OWNER",
            "400 MISSING_ID", "400 MISSING_NAME", "400 INVALID_ENVIRONMENT_ID");

    /** Recipe body validation (api-contract §9). */
    static final List<String> RECIPE_BODY = List.of("403 ROLE_FORBIDDEN", "400 RECIPE_ID_REQUIRED",
            "400 RECIPE_NAME_REQUIRED", "400 RECIPE_DEPLOY_PIPELINE_REQUIRED", "400 MISSING_ENGINE_APP",
            "400 MISSING_ENGINE_PIPELINE", "400 INVALID_STATUS", "400 RECIPE_BEHAVIOR_REQUIRED");

    private ErrorSets() {
    }

    static List<String> join(List<String>... sets) {
        List<String> all = new ArrayList<>();
        for (List<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
