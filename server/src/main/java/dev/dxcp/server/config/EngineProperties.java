package dev.dxcp.server.config;

import dev.dxcp.server.settings.DxcpProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The execution engine connection ({@code dxcp.engine.*}, DXCP_GATE_* variables). No gate URL means the
 * embedded Gate simulator (embedded mode) unless {@code mode} is "none". These are the start-up values of
 * the engine adapter: connection settings an admin saves through {@code /v1/admin/system/engine-adapters/main}
 * replace them; timeouts, polling and the service user stay start-up settings.
 */
@ConfigurationProperties(prefix = "dxcp.engine")
public record EngineProperties(String mode, String gateUrl, String authMode, String headerName, String headerValue,
                               String tokenUrl, String clientId, String clientSecret, String audience, String scope,
                               String clientCert, String clientKey, String keystore, String keystorePassword,
                               String caBundle, String serverName, String serviceUser, Duration connectTimeout,
                               Duration readTimeout, Duration firstPoll, Duration maxPoll, Duration heartbeat,
                               Duration triggerWait, Duration simulatorStageDelay, Duration tokenRefreshSkew) {

    public boolean embedded() {
        return !DxcpProperties.present(gateUrl) && !"none".equalsIgnoreCase(mode);
    }
}
