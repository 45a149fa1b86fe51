package dev.dxcp.server.http.openapi;

import java.util.List;

import static dev.dxcp.server.http.openapi.ApiRoute.OWN_ADM;
import static dev.dxcp.server.http.openapi.ApiRoute.get;
import static dev.dxcp.server.http.openapi.ApiRoute.post;
import static dev.dxcp.server.http.openapi.ErrorSets.DEPLOYER;
import static dev.dxcp.server.http.openapi.ErrorSets.DEPLOYMENT_READ;
import static dev.dxcp.server.http.openapi.ErrorSets.ENGINE;
import static dev.dxcp.server.http.openapi.ErrorSets.SCOPE_POLICY;
import static dev.dxcp.server.http.openapi.ErrorSets.join;

/** Deployments, rollback, policy summary and promotions (api-contract §5, §6; governance §5, §11). */
final class DeploymentRoutes {
    private static final String TAG = "Deployments";
    private static final List<String> SUBMIT = List.of("400 IDMP_KEY_REQUIRED", "400 VERSION_NOT_FOUND",
            "409 IDEMPOTENCY_CONFLICT", "429 QUOTA_EXCEEDED", "409 CONCURRENCY_LIMIT_REACHED",
            "409 ARTIFACT_NOT_FOUND", "400 INVALID_ARTIFACT");
    /** Change governance (docs/GOVERNANCE.md): owner scope, then a freeze window in force. */
    private static final List<String> GOVERNED = List.of("403 DELIVERY_GROUP_SCOPE_REQUIRED",
            "403 FREEZE_WINDOW_ACTIVE");
    private static final List<String> APPROVAL = List.of("404 NOT_FOUND", "403 APPROVER_NOT_ALLOWED",
            "403 SELF_APPROVAL_FORBIDDEN", "409 APPROVAL_NOT_PENDING", "409 APPROVAL_EXPIRED");
    private static final List<String> PROMOTION = List.of("400 PROMOTION_TARGET_REQUIRED",
            "400 PROMOTION_PATH_NOT_ALLOWED", "400 PROMOTION_VERSION_INELIGIBLE", "400 VERSION_NOT_FOUND",
            "429 QUOTA_EXCEEDED", "409 CONCURRENCY_LIMIT_REACHED");

    private DeploymentRoutes() {
    }

    static List<ApiRoute> all() {
        return List.of(
                post("/v1/deployments/validate").tag(TAG).roles(OWN_ADM).killSwitch().body("DeploymentIntent")
                        .summary("Runs every guardrail without deploying or consuming quota")
                        .ok(200, "DeploymentValidation")
                        .errors(join(DEPLOYER, SCOPE_POLICY, GOVERNED, ENGINE, List.of("400 VERSION_NOT_FOUND",
                                "409 ARTIFACT_NOT_FOUND", "400 INVALID_ARTIFACT", "429 QUOTA_EXCEEDED",
                                "409 CONCURRENCY_LIMIT_REACHED"))),
                post("/v1/deployments").tag(TAG).roles(OWN_ADM).killSwitch().idempotencyKey().replayHeader()
                        .body("DeploymentIntent").summary("Deploy a registered version by intent")
                        .ok(201, "DeploymentRecord").errors(join(DEPLOYER, SCOPE_POLICY, GOVERNED, SUBMIT, ENGINE)),
                get("/v1/deployments").tag(TAG).summary("Deployment history, newest first (not scoped)")
                        .ok(200, "DeploymentList"),
                get("/v1/deployments/{id}").tag(TAG).summary("One deployment, refreshed from the engine")
                        .ok(200, "DeploymentRecord").errors(DEPLOYMENT_READ),
                get("/v1/deployments/{id}/failures").tag(TAG).summary("Normalized failures of a deployment")
                        .ok(200, "FailureList").errors(DEPLOYMENT_READ),
                get("/v1/deployments/{id}/timeline").tag(TAG).summary("The normalized timeline (domain §8)")
                        .ok(200, "Timeline").errors(DEPLOYMENT_READ),
                post("/v1/deployments/{id}/rollback").tag(TAG).roles(OWN_ADM).killSwitch().idempotencyKey()
                        .replayHeader().summary("Roll back to the version that succeeded before; no body")
                        .ok(201, "DeploymentRecord")
                        .errors(join(DEPLOYER, SCOPE_POLICY, GOVERNED, SUBMIT, ENGINE, List.of("404 NOT_FOUND",
                                "400 ROLLBACK_OF_ROLLBACK", "400 NO_PRIOR_SUCCESSFUL_VERSION",
                                "400 MISSING_SPINNAKER_TARGET"))),
                post("/v1/deployments/{id}/approve").tag(TAG).roles(OWN_ADM).killSwitch().body("ApprovalDecision")
                        .summary("Approve a deployment waiting for approval (docs/GOVERNANCE.md)")
                        .ok(200, "DeploymentRecord").errors(join(DEPLOYER, APPROVAL)),
                post("/v1/deployments/{id}/reject").tag(TAG).roles(OWN_ADM).killSwitch().body("ApprovalDecision")
                        .summary("Reject a deployment waiting for approval; a reason is required")
                        .ok(200, "DeploymentRecord").errors(join(DEPLOYER, APPROVAL)),
                post("/v1/policy/summary").tag(TAG).roles(OWN_ADM).body("PolicySummaryRequest")
                        .summary("Resolved recipe and policy of a scope; not blocked by the kill switch")
                        .ok(200, "PolicySummary").errors(join(DEPLOYER, SCOPE_POLICY)),
                post("/v1/promotions/validate").tag(TAG).roles(OWN_ADM).killSwitch().body("PromotionIntent")
                        .summary("Checks a promotion without running it").ok(200, "PromotionValidation")
                        .errors(join(DEPLOYER, SCOPE_POLICY, GOVERNED, PROMOTION, ENGINE,
                                List.of("409 ARTIFACT_NOT_FOUND"))),
                post("/v1/promotions").tag(TAG).roles(OWN_ADM).killSwitch().idempotencyKey().replayHeader()
                        .body("PromotionIntent").summary("Promote a version to the next environment")
                        .ok(201, "DeploymentRecord")
                        .errors(join(DEPLOYER, SCOPE_POLICY, GOVERNED, PROMOTION, ENGINE, List.of("400 IDMP_KEY_REQUIRED",
                                "409 IDEMPOTENCY_CONFLICT", "409 ARTIFACT_NOT_FOUND"))));
    }
}
