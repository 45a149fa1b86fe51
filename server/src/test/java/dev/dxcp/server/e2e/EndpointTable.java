package dev.dxcp.server.e2e;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every endpoint of the contract that DXCP serves, with who may call it (governance §2): one table that
 * drives the role matrix and the token-attack tests, so a new endpoint is covered by adding one row.
 */
final class EndpointTable {
    /** Roles allowed, and the 403 code every other authenticated caller gets. */
    record Access(Set<String> allowed, String denial) {
        boolean allows(String caller) {
            return allowed.contains(caller);
        }
    }

    record Row(String method, String path, Object body, Access access) {
    }

    static final Access ANY = new Access(Set.of("ADMIN", "OWNER", "OBSERVER", "CI"), null);
    static final Access ADMIN = new Access(Set.of("ADMIN"), "ROLE_FORBIDDEN");
    static final Access DEPLOYERS = new Access(Set.of("ADMIN", "OWNER"), "ROLE_FORBIDDEN");
    static final Access CI_ONLY = new Access(Set.of("CI"), "CI_ONLY");
    /** Record reads: admins and observers; owners only in their groups; CI never (governance §4). */
    static final Access SCOPED_READ = new Access(Set.of("ADMIN", "OBSERVER"), "DELIVERY_GROUP_SCOPE_REQUIRED");

    private EndpointTable() {
    }

    private static Row row(String method, String path, Object body, Access access) {
        return new Row(method, path, body, access);
    }

    /** @param deploymentId an existing record whose group the test owner does not own */
    static List<Row> rows(String deploymentId) {
        Map<String, Object> empty = Map.of();
        String id = deploymentId;
        return List.of(
                row("GET", "/v1/whoami", null, ANY),
                row("GET", "/v1/config/sanity", null, ANY),
                row("GET", "/v1/settings/public", null, ANY),
                row("GET", "/v1/settings/admin", null, ADMIN),
                row("GET", "/v1/ui/policy/ui-exposure", null, ANY),
                row("GET", "/v1/services", null, ANY),
                row("GET", "/v1/services/demo-service/versions", null, ANY),
                row("GET", "/v1/services/demo-service/delivery-status", null, ANY),
                row("GET", "/v1/services/demo-service/running", null, ANY),
                row("GET", "/v1/services/demo-service/allowed-actions", null, ANY),
                row("POST", "/v1/deployments/validate", empty, DEPLOYERS),
                row("POST", "/v1/deployments", empty, DEPLOYERS),
                row("GET", "/v1/deployments", null, ANY),
                row("GET", "/v1/deployments/" + id, null, SCOPED_READ),
                row("GET", "/v1/deployments/" + id + "/failures", null, SCOPED_READ),
                row("GET", "/v1/deployments/" + id + "/timeline", null, SCOPED_READ),
                row("POST", "/v1/deployments/" + UUID.randomUUID() + "/rollback", null, DEPLOYERS),
                row("POST", "/v1/policy/summary", empty, DEPLOYERS),
                row("POST", "/v1/builds/register", empty, CI_ONLY),
                row("GET", "/v1/builds?service=demo-service&version=0.0.1", null, ANY),
                row("GET", "/v1/delivery-groups", null, ANY),
                row("GET", "/v1/delivery-groups/default", null, ANY),
                row("POST", "/v1/delivery-groups", empty, ADMIN),
                row("PUT", "/v1/delivery-groups/no-such-group", empty, ADMIN),
                row("GET", "/v1/recipes", null, ANY),
                row("GET", "/v1/recipes/default", null, ANY),
                row("POST", "/v1/recipes", empty, ADMIN),
                row("PUT", "/v1/recipes/no-such-recipe", empty, ADMIN),
                row("DELETE", "/v1/admin/recipes/no-such-recipe", null, ADMIN),
                row("GET", "/v1/environments", null, ANY),
                row("GET", "/v1/environments/sandbox", null, ANY),
                row("POST", "/v1/environments", empty, ADMIN),
                row("PATCH", "/v1/environments/no-such-env", empty, ADMIN),
                row("DELETE", "/v1/environments/no-such-env", null, ADMIN),
                row("GET", "/v1/admin/delivery-groups/default/environments", null, ADMIN),
                row("PUT", "/v1/admin/delivery-groups/no-such-group/environments/sandbox", empty, ADMIN),
                row("GET", "/v1/admin/services/demo-service/environments", null, ADMIN),
                row("PUT", "/v1/admin/services/no-such-service/environments/sandbox", empty, ADMIN),
                row("GET", "/v1/admin/system/rate-limits", null, ADMIN),
                row("PUT", "/v1/admin/system/rate-limits", empty, ADMIN),
                row("GET", "/v1/admin/system/ci-publishers", null, ADMIN),
                row("PUT", "/v1/admin/system/ci-publishers", empty, ADMIN),
                row("GET", "/v1/admin/system/mutations-disabled", null, ADMIN),
                row("PUT", "/v1/admin/system/mutations-disabled", empty, ADMIN),
                row("PATCH", "/v1/admin/system/mutations-disabled", empty, ADMIN),
                row("GET", "/v1/admin/system/ui-exposure-policy", null, ADMIN),
                row("PUT", "/v1/admin/system/ui-exposure-policy", "[]", ADMIN),
                row("GET", "/v1/admin/system/engine-adapters/main", null, ADMIN),
                row("PUT", "/v1/admin/system/engine-adapters/main", empty, ADMIN),
                row("POST", "/v1/admin/system/engine-adapters/main/validate", empty, ADMIN),
                row("POST", "/v1/admin/guardrails/validate", empty, ADMIN),
                row("GET", "/v1/admin/system/owner-scoped-changes", null, ADMIN),
                row("PUT", "/v1/admin/system/owner-scoped-changes", empty, ADMIN),
                row("GET", "/v1/freeze-windows", null, ANY),
                row("GET", "/v1/freeze-windows/no-such-window", null, ANY),
                row("POST", "/v1/freeze-windows", empty, ADMIN),
                row("DELETE", "/v1/freeze-windows/no-such-window", null, ADMIN),
                row("GET", "/v1/approval-policies", null, ANY),
                row("POST", "/v1/approval-policies", empty, ADMIN),
                row("DELETE", "/v1/approval-policies/no-such-policy", null, ADMIN),
                row("GET", "/v1/auto-rollback-policies", null, ANY),
                row("GET", "/v1/auto-rollback-policies/no-such-policy", null, ANY),
                row("POST", "/v1/auto-rollback-policies", empty, ADMIN),
                row("DELETE", "/v1/auto-rollback-policies/no-such-policy", null, ADMIN),
                row("POST", "/v1/deployments/" + UUID.randomUUID() + "/approve", null, DEPLOYERS),
                row("POST", "/v1/deployments/" + UUID.randomUUID() + "/reject", empty, DEPLOYERS),
                row("GET", "/v1/spinnaker/status", null, ADMIN),
                row("GET", "/v1/spinnaker/applications", null, ADMIN),
                row("GET", "/v1/spinnaker/applications/dxcp-demo/pipelines", null, ADMIN));
    }
}
