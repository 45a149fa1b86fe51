package dev.dxcp.server.e2e;

import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * governance §2's role matrix over every endpoint, generated from one table. A permitted caller may
 * still get 400/404/409 (the bodies here are deliberately incomplete so nothing changes); what is
 * checked is that permitted callers pass authorization and refused ones get exactly the contract's code.
 */
class RoleMatrixEndToEndTest extends DeploymentTestSupport {
    enum Caller { ADMIN, OWNER, OBSERVER, CI, NONE }

    /** Who may call; {@code denial} is the code everyone else gets (authenticated callers). */
    record Row(String method, String path, Object body, Set<Caller> allowed, String denial) {
    }

    private static final Set<Caller> ANY = Set.of(Caller.ADMIN, Caller.OWNER, Caller.OBSERVER, Caller.CI);
    private static final Set<Caller> ADMIN = Set.of(Caller.ADMIN);
    private static final Set<Caller> DEPLOYERS = Set.of(Caller.ADMIN, Caller.OWNER);
    private static final Set<String> AUTHORIZATION_CODES = Set.of("UNAUTHORIZED", "ROLE_FORBIDDEN", "CI_ONLY",
            "AUTHZ_ROLE_REQUIRED", "DELIVERY_GROUP_SCOPE_REQUIRED");
    private static String deploymentId;

    private List<Row> table() {
        Map<String, Object> empty = Map.of();
        String id = deploymentId;
        return List.of(
                new Row("GET", "/v1/whoami", null, ANY, null),
                new Row("GET", "/v1/config/sanity", null, ANY, null),
                new Row("GET", "/v1/settings/public", null, ANY, null),
                new Row("GET", "/v1/settings/admin", null, ADMIN, "ROLE_FORBIDDEN"),
                new Row("GET", "/v1/ui/policy/ui-exposure", null, ANY, null),
                new Row("GET", "/v1/services", null, ANY, null),
                new Row("GET", "/v1/services/demo-service/versions", null, ANY, null),
                new Row("GET", "/v1/services/demo-service/delivery-status", null, ANY, null),
                new Row("GET", "/v1/services/demo-service/running", null, ANY, null),
                new Row("GET", "/v1/services/demo-service/allowed-actions", null, ANY, null),
                new Row("POST", "/v1/deployments/validate", empty, DEPLOYERS, "ROLE_FORBIDDEN"),
                new Row("POST", "/v1/deployments", empty, DEPLOYERS, "ROLE_FORBIDDEN"),
                new Row("GET", "/v1/deployments", null, ANY, null),
                new Row("GET", "/v1/deployments/" + id, null, Set.of(Caller.ADMIN, Caller.OBSERVER),
                        "DELIVERY_GROUP_SCOPE_REQUIRED"),
                new Row("GET", "/v1/deployments/" + id + "/failures", null, Set.of(Caller.ADMIN, Caller.OBSERVER),
                        "DELIVERY_GROUP_SCOPE_REQUIRED"),
                new Row("GET", "/v1/deployments/" + id + "/timeline", null, Set.of(Caller.ADMIN, Caller.OBSERVER),
                        "DELIVERY_GROUP_SCOPE_REQUIRED"),
                new Row("POST", "/v1/deployments/" + UUID.randomUUID() + "/rollback", null, DEPLOYERS,
                        "ROLE_FORBIDDEN"),
                new Row("POST", "/v1/policy/summary", empty, DEPLOYERS, "ROLE_FORBIDDEN"),
                new Row("POST", "/v1/builds/register", empty, Set.of(Caller.CI), "CI_ONLY"),
                new Row("GET", "/v1/builds?service=demo-service&version=0.0.1", null, ANY, null),
                new Row("GET", "/v1/delivery-groups", null, ANY, null),
                new Row("GET", "/v1/delivery-groups/default", null, ANY, null),
                new Row("POST", "/v1/delivery-groups", empty, ADMIN, "ROLE_FORBIDDEN"),
                new Row("PUT", "/v1/delivery-groups/no-such-group", empty, ADMIN, "ROLE_FORBIDDEN"),
                new Row("GET", "/v1/recipes", null, ANY, null),
                new Row("GET", "/v1/recipes/default", null, ANY, null),
                new Row("POST", "/v1/recipes", empty, ADMIN, "ROLE_FORBIDDEN"),
                new Row("PUT", "/v1/recipes/no-such-recipe", empty, ADMIN, "ROLE_FORBIDDEN"),
                new Row("DELETE", "/v1/admin/recipes/no-such-recipe", null, ADMIN, "ROLE_FORBIDDEN"),
                new Row("GET", "/v1/environments", null, ANY, null),
                new Row("GET", "/v1/environments/sandbox", null, ANY, null),
                new Row("POST", "/v1/environments", empty, ADMIN, "ROLE_FORBIDDEN"),
                new Row("PATCH", "/v1/environments/no-such-env", empty, ADMIN, "ROLE_FORBIDDEN"),
                new Row("DELETE", "/v1/environments/no-such-env", null, ADMIN, "ROLE_FORBIDDEN"),
                new Row("GET", "/v1/admin/delivery-groups/default/environments", null, ADMIN, "ROLE_FORBIDDEN"),
                new Row("PUT", "/v1/admin/delivery-groups/no-such-group/environments/sandbox", empty, ADMIN,
                        "ROLE_FORBIDDEN"),
                new Row("GET", "/v1/admin/services/demo-service/environments", null, ADMIN, "ROLE_FORBIDDEN"),
                new Row("PUT", "/v1/admin/services/no-such-service/environments/sandbox", empty, ADMIN,
                        "ROLE_FORBIDDEN"),
                new Row("GET", "/v1/admin/system/rate-limits", null, ADMIN, "ROLE_FORBIDDEN"),
                new Row("PUT", "/v1/admin/system/rate-limits", empty, ADMIN, "ROLE_FORBIDDEN"),
                new Row("GET", "/v1/admin/system/ci-publishers", null, ADMIN, "ROLE_FORBIDDEN"),
                new Row("PUT", "/v1/admin/system/ci-publishers", empty, ADMIN, "ROLE_FORBIDDEN"),
                new Row("GET", "/v1/admin/system/mutations-disabled", null, ADMIN, "ROLE_FORBIDDEN"),
                new Row("PUT", "/v1/admin/system/mutations-disabled", empty, ADMIN, "ROLE_FORBIDDEN"),
                new Row("PATCH", "/v1/admin/system/mutations-disabled", empty, ADMIN, "ROLE_FORBIDDEN"),
                new Row("GET", "/v1/admin/system/ui-exposure-policy", null, ADMIN, "ROLE_FORBIDDEN"),
                new Row("PUT", "/v1/admin/system/ui-exposure-policy", "[]", ADMIN, "ROLE_FORBIDDEN"),
                new Row("POST", "/v1/admin/guardrails/validate", empty, ADMIN, "ROLE_FORBIDDEN"),
                new Row("GET", "/v1/spinnaker/status", null, ADMIN, "ROLE_FORBIDDEN"),
                new Row("GET", "/v1/spinnaker/applications", null, ADMIN, "ROLE_FORBIDDEN"),
                new Row("GET", "/v1/spinnaker/applications/dxcp-demo/pipelines", null, ADMIN, "ROLE_FORBIDDEN"));
    }

    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixSays() {
        if (deploymentId == null) {
            String service = serviceInOwnGroup("somebody.else@example.com", null);
            deploymentId = deploy(admin(), intent(service, registered(service))).json().path("id").asText();
        }
        Map<Caller, String> tokens = Map.of(Caller.ADMIN, freshAdmin(),
                Caller.OWNER, env.identity.ownerToken("matrix.owner@example.com"),
                Caller.OBSERVER, env.identity.observerToken(), Caller.CI, ci("matrix"));
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Row row : table()) {
            for (Caller caller : Caller.values()) {
                cells++;
                Response response = TestHttp.send(row.method(), url(row.path()), tokens.get(caller), row.body(),
                        "Idempotency-Key", UUID.randomUUID().toString());
                String code = response.body().startsWith("{") ? response.json().path("code").asText() : "";
                String cell = row.method() + " " + row.path() + " as " + caller + " -> " + response.status() + " "
                        + code;
                if (caller == Caller.NONE) {
                    if (response.status() != 401 || !code.equals("UNAUTHORIZED")) {
                        mismatches.add(cell + " (expected 401 UNAUTHORIZED)");
                    }
                } else if (row.allowed().contains(caller)) {
                    if (response.status() == 401 || AUTHORIZATION_CODES.contains(code)) {
                        mismatches.add(cell + " (expected to pass authorization)");
                    }
                } else if (response.status() != 403 || !code.equals(row.denial())) {
                    mismatches.add(cell + " (expected 403 " + row.denial() + ")");
                }
            }
        }
        assertThat(mismatches).as("of " + cells + " cells").isEmpty();
        assertThat(get("/v1/health", null).status()).isEqualTo(200);
    }

    @Test
    void anOwnerReadsRecordsOfItsOwnGroupsOnly() {
        String service = serviceInOwnGroup("reader@example.com, second@example.com", null);
        String id = deploy(admin(), intent(service, registered(service))).json().path("id").asText();
        assertThat(get("/v1/deployments/" + id, env.identity.ownerToken("Second@Example.com")).status()).isEqualTo(200);
        assertError(get("/v1/deployments/" + id, env.identity.ownerToken("stranger@example.com")), 403,
                "DELIVERY_GROUP_SCOPE_REQUIRED");
        String noEmail = env.identity.token().sub("owner-without-email").roles("dxcp-delivery-owners").sign();
        assertError(get("/v1/deployments/" + id + "/timeline", noEmail), 403, "DELIVERY_GROUP_SCOPE_REQUIRED");
        assertError(get("/v1/deployments/" + UUID.randomUUID(), env.identity.ownerToken("stranger@example.com")),
                404, "NOT_FOUND");
        assertThat(get("/v1/deployments?service=" + service, env.identity.ownerToken("stranger@example.com"))
                .json()).hasSize(1);
    }
}
