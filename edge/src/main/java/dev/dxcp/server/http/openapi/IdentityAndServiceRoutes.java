package dev.dxcp.server.http.openapi;

import java.util.List;

import static dev.dxcp.server.http.openapi.ApiRoute.ADM;
import static dev.dxcp.server.http.openapi.ApiRoute.get;

/** Identity, settings reads and the service registry (api-contract §3, §4). */
final class IdentityAndServiceRoutes {
    private static final String IDENTITY = "Identity and settings";
    private static final String SERVICES = "Services";
    private static final String UNKNOWN_SERVICE = "403 SERVICE_NOT_ALLOWLISTED";

    private IdentityAndServiceRoutes() {
    }

    static List<ApiRoute> all() {
        return List.of(
                get("/v1/health").tag(IDENTITY).open().summary("Liveness of the API; no authentication")
                        .ok(200, "Health"),
                get("/v1/whoami").tag(IDENTITY).summary("The validated token's identity claims, verbatim")
                        .ok(200, "Whoami"),
                get("/v1/config/sanity").tag(IDENTITY).summary("Which integrations are configured")
                        .ok(200, "ConfigSanity"),
                get("/v1/settings/public").tag(IDENTITY).summary("Refresh bounds and the kill switch")
                        .ok(200, "PublicSettings"),
                get("/v1/settings/admin").tag(IDENTITY).roles(ADM).summary("Public settings plus quota defaults")
                        .ok(200, "AdminSettings").errors("403 ROLE_FORBIDDEN"),
                get("/v1/ui/policy/ui-exposure").tag(IDENTITY).summary("What build data a UI may show")
                        .ok(200, "UiExposure"),
                get("/v1/services").tag(SERVICES).summary("The service registry, sorted by name")
                        .ok(200, "ServiceList"),
                get("/v1/services/{service}/versions").tag(SERVICES)
                        .summary("Deployable versions, newest first (registered builds, or an artifact store scan)")
                        .ok(200, "VersionList").errors(UNKNOWN_SERVICE, "502 ARTIFACT_DISCOVERY_FAILED"),
                get("/v1/services/{service}/delivery-status").tag(SERVICES)
                        .summary("Latest deployment, what runs and the promotion candidate; environment defaults to sandbox")
                        .ok(200, "DeliveryStatus").errors(UNKNOWN_SERVICE),
                get("/v1/services/{service}/running").tag(SERVICES)
                        .summary("The current running state in an environment (JSON null when nothing runs)")
                        .ok(200, "CurrentRunningState")
                        .errors(UNKNOWN_SERVICE, "403 SERVICE_NOT_IN_DELIVERY_GROUP", "403 ENVIRONMENT_NOT_ALLOWED",
                                "403 ENVIRONMENT_DISABLED", "403 ENVIRONMENT_RETIRED", "400 INVALID_ENVIRONMENT",
                                "400 ENVIRONMENT_REQUIRED"),
                get("/v1/services/{service}/allowed-actions").tag(SERVICES)
                        .summary("What the caller's role may do with the service").ok(200, "AllowedActions")
                        .errors(UNKNOWN_SERVICE));
    }
}
