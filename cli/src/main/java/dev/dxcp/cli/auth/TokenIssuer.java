package dev.dxcp.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliFailure;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.http.ApiClient;
import dev.dxcp.cli.http.ApiResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Obtains bearer tokens: OAuth2 client credentials, or the embedded server's development issuer. */
public final class TokenIssuer {
    /** The development issuer's demo CI client (README, "First steps"). */
    public static final String DEV_CI_CLIENT = "demo-ci";
    public static final String DEV_CI_SECRET = "demo-ci-secret";

    private TokenIssuer() {
    }

    /**
     * RFC 6749 §4.4 with the client authenticated in the form body, as identity providers and the
     * development issuer accept it; {@code audience} is sent when given (Auth0-style providers need it).
     */
    public static String clientCredentials(String tokenUrl, String clientId, String clientSecret, String audience) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        form.append("&client_id=").append(encode(clientId)).append("&client_secret=").append(encode(clientSecret));
        if (audience != null) {
            form.append("&audience=").append(encode(audience));
        }
        ApiClient anonymous = new ApiClient(origin(tokenUrl), null);
        ApiResponse response = anonymous.send("POST", pathOf(tokenUrl),
                form.toString(),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        return accessToken(tokenUrl, response);
    }

    /** A token for a human role (admin, owner, observer) from the embedded server's development issuer. */
    public static String developmentRole(String server, String role, String email) {
        ApiClient anonymous = new ApiClient(server, null);
        String path = ApiClient.path("/dev-idp/token/" + ApiClient.segment(role), "email", email);
        ApiResponse response = anonymous.send("POST", path, null, Map.of());
        if (response.status() == 404) {
            throw new CliFailure(ExitCode.AUTH, server + " has no development issuer (it is not running embedded): "
                    + "log in with --token-url/--client-id or DXCP_TOKEN");
        }
        return accessToken(server + path, response);
    }

    public static String developmentTokenUrl(String server) {
        return ApiClient.trimSlash(server) + "/dev-idp/oauth/token";
    }

    /** True when the server answers the development issuer's discovery document (ui.md §2). */
    public static boolean hasDevelopmentIssuer(String server) {
        try {
            return new ApiClient(server, null).send("GET", "/dev-idp/.well-known/openid-configuration", null, Map.of())
                    .status() == 200;
        } catch (CliFailure unreachable) {
            return false;
        }
    }

    private static String accessToken(String where, ApiResponse response) {
        JsonNode body = response.ok() ? response.json() : null;
        if (body == null || !body.hasNonNull("access_token")) {
            String reason = response.ok() ? "no access_token in the answer" : "HTTP " + response.status() + " "
                    + response.body().replaceAll("\\s+", " ");
            throw new CliFailure(ExitCode.AUTH, "Token request to " + where + " failed: " + reason);
        }
        return body.path("access_token").asText();
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String pathOf(String url) {
        java.net.URI uri = java.net.URI.create(url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
