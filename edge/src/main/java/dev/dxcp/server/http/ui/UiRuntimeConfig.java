package dev.dxcp.server.http.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.server.settings.DxcpProperties;
import dev.dxcp.server.identity.DevIssuer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The UI's runtime configuration (ui.md §2), served as /ui-config.json so one UI build runs against
 * any DXCP. Sign-in is embedded while the development issuer runs, OIDC otherwise, unless
 * DXCP_UI_AUTH_MODE says which; the issuer, audience and claim names are the server's own settings.
 */
@Component
public class UiRuntimeConfig {
    private final ObjectMapper json;
    private final DxcpProperties.Oidc oidc;
    private final boolean devIssuerRunning;
    private final String authMode;
    private final String clientId;
    private final String scope;
    private final String audience;

    public UiRuntimeConfig(ObjectMapper json, DxcpProperties properties, ObjectProvider<DevIssuer> devIssuer,
                           @Value("${dxcp.ui.auth-mode:}") String authMode,
                           @Value("${dxcp.ui.oidc-client-id:}") String clientId,
                           @Value("${dxcp.ui.oidc-scope:openid profile email}") String scope,
                           @Value("${dxcp.ui.oidc-audience:}") String audience) {
        this.json = json;
        this.oidc = properties.oidc();
        this.devIssuerRunning = devIssuer.getIfAvailable() != null;
        this.authMode = authMode;
        this.clientId = clientId;
        this.scope = scope;
        this.audience = audience;
        if (DxcpProperties.present(authMode) && !authMode.equals("oidc") && !authMode.equals("embedded")) {
            throw new IllegalStateException("DXCP_UI_AUTH_MODE must be oidc or embedded, got " + authMode);
        }
    }

    public String mode() {
        if (DxcpProperties.present(authMode)) {
            return authMode;
        }
        return devIssuerRunning ? "embedded" : "oidc";
    }

    public String render() {
        ObjectNode body = json.createObjectNode();
        body.put("apiBase", "");
        body.putObject("auth").put("mode", mode());
        ObjectNode settings = body.putObject("oidc");
        settings.put("issuer", blankToNull(oidc.issuer()));
        settings.put("clientId", blankToNull(clientId));
        settings.put("audience", DxcpProperties.present(audience) ? audience : blankToNull(oidc.audience()));
        settings.put("scope", scope);
        settings.put("rolesClaim", oidc.rolesClaim());
        settings.put("emailClaim", oidc.emailClaim());
        settings.put("redirectPath", "/auth/callback");
        return body.toString();
    }

    private static String blankToNull(String value) {
        return DxcpProperties.present(value) ? value : null;
    }
}
