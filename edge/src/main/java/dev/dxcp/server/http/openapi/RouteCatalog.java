package dev.dxcp.server.http.openapi;

import java.util.ArrayList;
import java.util.List;

/** Every documented /v1 route, one table per capability. */
public final class RouteCatalog {
    private RouteCatalog() {
    }

    public static List<ApiRoute> all() {
        List<ApiRoute> routes = new ArrayList<>();
        routes.addAll(IdentityAndServiceRoutes.all());
        routes.addAll(DeploymentRoutes.all());
        routes.addAll(BuildRoutes.all());
        routes.addAll(ConfigurationRoutes.all());
        routes.addAll(AdministrationRoutes.all());
        routes.addAll(GovernanceRoutes.all());
        routes.addAll(NotificationRoutes.all());
        return routes;
    }
}
