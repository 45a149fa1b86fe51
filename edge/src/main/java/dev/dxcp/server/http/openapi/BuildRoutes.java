package dev.dxcp.server.http.openapi;

import java.util.List;

import static dev.dxcp.server.http.openapi.ApiRoute.CI;
import static dev.dxcp.server.http.openapi.ApiRoute.get;
import static dev.dxcp.server.http.openapi.ApiRoute.post;
import static dev.dxcp.server.http.openapi.ErrorSets.BUILD;

/** Build registration and reads (api-contract §7, governance §5 builds order). */
final class BuildRoutes {
    private static final String TAG = "Builds";

    private BuildRoutes() {
    }

    static List<ApiRoute> all() {
        return List.of(
                post("/v1/builds/register").tag(TAG).roles(CI).killSwitch().idempotencyKey().replayHeader()
                        .body("BuildRegistration")
                        .summary("Register a build of an artifact already in the store (201 new, 200 existing)")
                        .ok(201, "BuildRecord").ok(200, "BuildRecord").errors(BUILD),
                post("/v1/builds").tag(TAG).roles(CI).killSwitch().idempotencyKey().replayHeader().body("BuildUpload")
                        .summary("Register a build proven by an upload capability (201 new, 200 existing)")
                        .ok(201, "BuildRecord").ok(200, "BuildRecord").errors(BUILD),
                post("/v1/builds/upload-capability").tag(TAG).roles(CI).killSwitch().idempotencyKey().replayHeader()
                        .body("UploadCapabilityRequest").summary("Announce an upload; valid 15 minutes")
                        .ok(201, "UploadCapability")
                        .errors("403 CI_ONLY", "400 IDMP_KEY_REQUIRED", "409 IDEMPOTENCY_CONFLICT",
                                "429 QUOTA_EXCEEDED", "403 SERVICE_NOT_ALLOWLISTED", "400 INVALID_VERSION",
                                "400 INVALID_ARTIFACT"),
                get("/v1/builds").tag(TAG).summary("The newest registration of a service and version")
                        .ok(200, "BuildRecord").errors("404 NOT_FOUND"));
    }
}
