package dev.dxcp.server.http.system;

import dev.dxcp.server.settings.DxcpProperties;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.observability.RequestIds;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import dev.dxcp.server.http.Guards;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.LinkedHashMap;
import java.util.Map;

/** Settings any role may read, plus the configuration sanity check (api-contract §3). */
@RestController
public class PublicSettingsController {
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Questions settings;
    private final DxcpProperties properties;
    private final int defaultRefresh;
    private final int minRefresh;
    private final int maxRefresh;

    public PublicSettingsController(Authenticator authenticator, RateLimiter rateLimiter, Questions settings,
                                    DxcpProperties properties,
                                    @Value("${dxcp.ui.default-refresh-seconds:${DXCP_UI_DEFAULT_REFRESH_SECONDS:300}}") int defaultRefresh,
                                    @Value("${dxcp.ui.min-refresh-seconds:${DXCP_UI_MIN_REFRESH_SECONDS:60}}") int minRefresh,
                                    @Value("${dxcp.ui.max-refresh-seconds:${DXCP_UI_MAX_REFRESH_SECONDS:3600}}") int maxRefresh) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.properties = properties;
        // api-contract §3: min <= 0 becomes 60, max < min becomes min, default clamped into [min, max].
        this.minRefresh = minRefresh <= 0 ? 60 : minRefresh;
        this.maxRefresh = Math.max(maxRefresh, this.minRefresh);
        this.defaultRefresh = Math.min(Math.max(defaultRefresh, this.minRefresh), this.maxRefresh);
    }

    @GetMapping("/v1/settings/public")
    public Map<String, Object> publicSettings(ServerWebExchange exchange) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        return publicBody();
    }

    @GetMapping("/v1/settings/admin")
    public Map<String, Object> adminSettings(ServerWebExchange exchange) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        Guards.requireRole(caller, "read admin settings", Role.PLATFORM_ADMIN);
        Map<String, Object> body = publicBody();
        body.put("daily_deploy_quota", 25);
        body.put("daily_rollback_quota", 10);
        return body;
    }

    @GetMapping("/v1/config/sanity")
    public Map<String, Object> sanity(ServerWebExchange exchange) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", RequestIds.of(exchange));
        body.put("oidc_configured", properties.oidc().complete() && DxcpProperties.present(properties.oidc().rolesClaim()));
        // A Gate URL in the engine settings in force (http or mtls); stub mode's in-process simulator is no Spinnaker.
        body.put("spinnaker_configured", DxcpProperties.present(settings.settings().engineAdapter().value().gateUrl()));
        body.put("artifact_discovery_configured", DxcpProperties.present(properties.artifacts().bucket()));
        return body;
    }

    private Map<String, Object> publicBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("default_refresh_interval_seconds", defaultRefresh);
        body.put("min_refresh_interval_seconds", minRefresh);
        body.put("max_refresh_interval_seconds", maxRefresh);
        body.put("mutations_disabled", settings.settings().mutationsDisabled().value());
        return body;
    }
}
