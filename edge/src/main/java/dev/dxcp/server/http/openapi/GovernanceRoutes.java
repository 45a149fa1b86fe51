package dev.dxcp.server.http.openapi;

import java.util.List;

import static dev.dxcp.server.http.openapi.ApiRoute.ADM;
import static dev.dxcp.server.http.openapi.ApiRoute.delete;
import static dev.dxcp.server.http.openapi.ApiRoute.get;
import static dev.dxcp.server.http.openapi.ApiRoute.post;
import static dev.dxcp.server.http.openapi.ApiRoute.put;

/**
 * Change governance (docs/GOVERNANCE.md): owner-scoped changes, freeze windows, approval policies, automatic
 * rollback policies.
 */
final class GovernanceRoutes {
    private static final String TAG = "Change governance";
    private static final List<String> ADMIN = List.of("403 ROLE_FORBIDDEN");
    private static final String WINDOWS = "/v1/freeze-windows";
    private static final String POLICIES = "/v1/approval-policies";
    private static final String ROLLBACK_POLICIES = "/v1/auto-rollback-policies";

    private GovernanceRoutes() {
    }

    static List<ApiRoute> all() {
        return List.of(
                get("/v1/admin/system/owner-scoped-changes").tag(TAG).roles(ADM)
                        .summary("Whether only a group's owners may change its services").ok(200, "OwnerScopedChanges")
                        .errors(ADMIN),
                put("/v1/admin/system/owner-scoped-changes").tag(TAG).roles(ADM).killSwitch()
                        .body("OwnerScopedChangesBody").summary("Turn owner-scoped changes on or off")
                        .ok(200, "OwnerScopedChanges").errors(ADMIN),
                get(WINDOWS).tag(TAG).summary("Freeze windows, each with whether it is in force")
                        .ok(200, "FreezeWindowList"),
                get(WINDOWS + "/{id}").tag(TAG).summary("One freeze window").ok(200, "FreezeWindow")
                        .errors("404 NOT_FOUND"),
                post(WINDOWS).tag(TAG).roles(ADM).killSwitch().body("FreezeWindowBody")
                        .summary("Declare a one-off or recurring freeze window").ok(201, "FreezeWindow")
                        .errors(ADMIN.get(0), "409 FREEZE_WINDOW_EXISTS"),
                delete(WINDOWS + "/{id}").tag(TAG).roles(ADM).killSwitch().summary("Remove a freeze window")
                        .ok(204, null).errors(ADMIN.get(0), "404 NOT_FOUND"),
                get(POLICIES).tag(TAG).summary("Approval policies").ok(200, "ApprovalPolicyList"),
                get(POLICIES + "/{id}").tag(TAG).summary("One approval policy").ok(200, "ApprovalPolicy")
                        .errors("404 NOT_FOUND"),
                post(POLICIES).tag(TAG).roles(ADM).killSwitch().body("ApprovalPolicyBody")
                        .summary("Make deploys into a group (and environment) wait for approvals")
                        .ok(201, "ApprovalPolicy").errors(ADMIN.get(0), "409 APPROVAL_POLICY_EXISTS"),
                delete(POLICIES + "/{id}").tag(TAG).roles(ADM).killSwitch().summary("Remove an approval policy")
                        .ok(204, null).errors(ADMIN.get(0), "404 NOT_FOUND"),
                get(ROLLBACK_POLICIES).tag(TAG).summary("Automatic rollback policies")
                        .ok(200, "AutoRollbackPolicyList"),
                get(ROLLBACK_POLICIES + "/{id}").tag(TAG).summary("One automatic rollback policy")
                        .ok(200, "AutoRollbackPolicy").errors("404 NOT_FOUND"),
                post(ROLLBACK_POLICIES).tag(TAG).roles(ADM).killSwitch().body("AutoRollbackPolicyBody")
                        .summary("Roll back failed deployments into a group (environment, recipe) automatically")
                        .ok(201, "AutoRollbackPolicy").errors(ADMIN.get(0), "409 AUTO_ROLLBACK_POLICY_EXISTS"),
                delete(ROLLBACK_POLICIES + "/{id}").tag(TAG).roles(ADM).killSwitch()
                        .summary("Remove an automatic rollback policy").ok(204, null)
                        .errors(ADMIN.get(0), "404 NOT_FOUND"));
    }
}
