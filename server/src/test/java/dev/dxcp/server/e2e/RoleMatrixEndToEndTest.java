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

    private static final Set<String> AUTHORIZATION_CODES = Set.of("UNAUTHORIZED", "ROLE_FORBIDDEN", "CI_ONLY",
            "AUTHZ_ROLE_REQUIRED", "DELIVERY_GROUP_SCOPE_REQUIRED");
    private static String deploymentId;

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
        for (EndpointTable.Row row : EndpointTable.rows(deploymentId)) {
            for (Caller caller : Caller.values()) {
                cells++;
                Response response = TestHttp.send(row.method(), url(row.path()), tokens.get(caller), row.body(),
                        "Idempotency-Key", UUID.randomUUID().toString());
                String code = response.body().startsWith("{") ? response.json().path("code").asText() : "";
                String cell = row.method() + " " + row.path() + " as " + caller + " -> " + response.status() + " "
                        + code;
                EndpointTable.Access access = row.access();
                if (caller == Caller.NONE) {
                    if (response.status() != 401 || !code.equals("UNAUTHORIZED")) {
                        mismatches.add(cell + " (expected 401 UNAUTHORIZED)");
                    }
                } else if (access.allows(caller.name())) {
                    if (response.status() == 401 || AUTHORIZATION_CODES.contains(code)) {
                        mismatches.add(cell + " (expected to pass authorization)");
                    }
                } else if (response.status() != 403 || !code.equals(access.denial())) {
                    mismatches.add(cell + " (expected 403 " + access.denial() + ")");
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
