package dev.dxcp.server.http.openapi;

import java.util.List;

import static dev.dxcp.server.http.openapi.ApiRoute.ADM;
import static dev.dxcp.server.http.openapi.ApiRoute.get;
import static dev.dxcp.server.http.openapi.ApiRoute.patch;
import static dev.dxcp.server.http.openapi.ApiRoute.post;
import static dev.dxcp.server.http.openapi.ApiRoute.put;
import static dev.dxcp.server.http.openapi.ErrorSets.ENGINE;
import static dev.dxcp.server.http.openapi.ErrorSets.join;

/** Admin system settings, audit, insights, engine discovery, read-model operations (api-contract §11–§13). */
final class AdministrationRoutes {
    private static final String SETTINGS = "Admin settings";
    private static final String AUDIT = "Audit";
    private static final String INSIGHTS = "Insights";
    private static final String ENGINE_TAG = "Engine";
    private static final String OPERATIONS = "Operations";
    private static final List<String> ADMIN = List.of("403 ROLE_FORBIDDEN");
    private static final String ENGINE_ADAPTER = "/v1/admin/system/engine-adapters/main";

    private AdministrationRoutes() {
    }

    static List<ApiRoute> all() {
        return List.of(
                get("/v1/admin/system/rate-limits").tag(SETTINGS).roles(ADM).summary("Rate limits in force")
                        .ok(200, "RateLimits").errors(ADMIN),
                put("/v1/admin/system/rate-limits").tag(SETTINGS).roles(ADM).killSwitch().body("RateLimits")
                        .summary("Change the rate limits (all three, JSON integers)").ok(200, "RateLimits")
                        .errors(ADMIN),
                get("/v1/admin/system/ci-publishers").tag(SETTINGS).roles(ADM).summary("The CI publisher allowlist")
                        .ok(200, "CiPublishers").errors(ADMIN),
                put("/v1/admin/system/ci-publishers").tag(SETTINGS).roles(ADM).killSwitch().idempotencyKey()
                        .body("CiPublishers").summary("Replace the CI publisher allowlist").ok(200, "CiPublishers")
                        .errors(join(ADMIN, List.of("400 IDMP_KEY_REQUIRED"))),
                get("/v1/admin/system/mutations-disabled").tag(SETTINGS).roles(ADM).summary("The kill switch")
                        .ok(200, "MutationsDisabled").errors(ADMIN),
                put("/v1/admin/system/mutations-disabled").tag(SETTINGS).roles(ADM).body("MutationsDisabledBody")
                        .summary("Turn the kill switch on or off (never blocked by it)").ok(200, "MutationsDisabled")
                        .errors(ADMIN),
                patch("/v1/admin/system/mutations-disabled").tag(SETTINGS).roles(ADM).body("MutationsDisabledBody")
                        .summary("Turn the kill switch on or off (never blocked by it)").ok(200, "MutationsDisabled")
                        .errors(ADMIN),
                get("/v1/admin/system/ui-exposure-policy").tag(SETTINGS).roles(ADM).summary("The UI exposure policy")
                        .ok(200, "UiExposure").errors(ADMIN),
                put("/v1/admin/system/ui-exposure-policy").tag(SETTINGS).roles(ADM).killSwitch()
                        .body("UiExposurePolicy").summary("Change the UI exposure policy").ok(200, "UiExposure")
                        .errors(ADMIN),
                get(ENGINE_ADAPTER).tag(SETTINGS).roles(ADM).summary("Engine connection settings; secrets hidden")
                        .ok(200, "EngineAdapter").errors(ADMIN),
                put(ENGINE_ADAPTER).tag(SETTINGS).roles(ADM).killSwitch().body("AnyObject")
                        .summary("Change the engine connection settings").ok(200, "EngineAdapter").errors(ADMIN),
                post(ENGINE_ADAPTER + "/validate").tag(SETTINGS).roles(ADM).body("AnyObject")
                        .summary("Check proposed engine settings without saving").ok(200, "EngineAdapterValidation")
                        .errors(ADMIN),
                get("/v1/audit/events").tag(AUDIT).roles(ADM).summary("Audit entries of governance §14, newest first")
                        .ok(200, "AuditEventList").errors(ADMIN),
                get("/v1/audit/replay").tag(AUDIT).roles(ADM).mediaType("application/x-ndjson")
                        .summary("The event store streamed as NDJSON, oldest first; resumable with after")
                        .ok(200, "AuditReplayStream").errors(ADMIN),
                get("/v1/admin/audit/verify").tag(AUDIT).roles(ADM).summary("Recompute the tamper-evidence chain")
                        .ok(200, "AuditVerification").errors(ADMIN),
                get("/v1/insights/failures").tag(INSIGHTS).summary("Failure and rollback figures over a window")
                        .ok(200, "FailureInsights").errors("403 SERVICE_NOT_ALLOWLISTED"),
                get("/v1/insights/dora").tag(INSIGHTS).summary("The four DORA measures (docs/INSIGHTS.md)")
                        .ok(200, "DoraInsights").errors("403 SERVICE_NOT_ALLOWLISTED"),
                get("/v1/spinnaker/status").tag(ENGINE_TAG).roles(ADM).summary("Engine reachability (never an error)")
                        .ok(200, "EngineStatus").errors(ADMIN),
                get("/v1/spinnaker/applications").tag(ENGINE_TAG).roles(ADM).summary("Engine applications")
                        .ok(200, "EngineApplications").errors(join(ADMIN, ENGINE)),
                get("/v1/spinnaker/applications/{application}/pipelines").tag(ENGINE_TAG).roles(ADM)
                        .summary("Pipelines of an engine application").ok(200, "EnginePipelines")
                        .errors(join(ADMIN, ENGINE)),
                get("/v1/admin/projections").tag(OPERATIONS).roles(ADM).summary("Read models and sagas with their lag")
                        .ok(200, "ProjectionList").errors(ADMIN),
                get("/v1/admin/projections/{name}").tag(OPERATIONS).roles(ADM).summary("One read model")
                        .ok(200, "Projection").errors(join(ADMIN, List.of("404 NOT_FOUND"))),
                post("/v1/admin/projections/{name}/rebuild").tag(OPERATIONS).roles(ADM)
                        .summary("Rebuild one read model from the event store while reads go on")
                        .ok(202, "ProjectionRebuild")
                        .errors(join(ADMIN, List.of("404 NOT_FOUND", "409 REBUILD_IN_PROGRESS"))),
                post("/v1/admin/projections/rebuild").tag(OPERATIONS).roles(ADM)
                        .summary("Rebuild every rebuildable read model").ok(202, "ProjectionRebuilds").errors(ADMIN));
    }
}
