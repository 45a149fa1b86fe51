package dev.dxcp.testsupport.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code POST /oauth/token}: the authorization-code grant of {@link AuthorizationEndpoint} (browser
 * sign-in), and the client-credentials grant, the way CI jobs obtain their token:
 * client id and secret in a JSON or form body (or HTTP Basic), answer shaped like governance §3's
 * typical CI identity ({@code sub = <client_id>@clients}, {@code azp = <client_id>}).
 */
final class ClientCredentialsEndpoint implements HttpHandler {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private record RegisteredClient(String secret, List<String> roles) {
    }

    private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
    private final Supplier<TokenBuilder> tokens;
    private final String defaultAudience;
    private final AuthorizationEndpoint authorizationCodes;

    ClientCredentialsEndpoint(Supplier<TokenBuilder> tokens, String defaultAudience, AuthorizationEndpoint authorizationCodes) {
        this.tokens = tokens;
        this.defaultAudience = defaultAudience;
        this.authorizationCodes = authorizationCodes;
    }

    void register(String clientId, String secret, List<String> roles) {
        clients.put(clientId, new RegisteredClient(secret, List.copyOf(roles)));
    }

    /** The token a successful request for this client would get, without HTTP. */
    String tokenFor(String clientId, String audience, List<String> roles) {
        return tokens.get()
                .sub(clientId + "@clients")
                .azp(clientId)
                .aud(audience == null || audience.isBlank() ? defaultAudience : audience)
                .roles(roles)
                .expiresIn(TOKEN_LIFETIME)
                .sign();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("OPTIONS".equals(exchange.getRequestMethod())) {
                JsonExchange.preflight(exchange);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                JsonExchange.respond(exchange, 405, Map.of("error", "invalid_request"));
                return;
            }
            Map<String, String> params = parameters(exchange);
            if (params == null) {
                JsonExchange.respond(exchange, 400, error("invalid_request", "body is neither JSON nor form-encoded"));
                return;
            }
            if ("authorization_code".equals(params.get("grant_type"))) {
                Map<String, Object> answer = authorizationCodes.exchange(params);
                JsonExchange.respond(exchange, answer.containsKey("error") ? 400 : 200, answer);
                return;
            }
            if (!"client_credentials".equals(params.get("grant_type"))) {
                JsonExchange.respond(exchange, 400, error("unsupported_grant_type", "only client_credentials"));
                return;
            }
            String clientId = params.get("client_id");
            RegisteredClient client = clientId == null ? null : clients.get(clientId);
            if (client == null || !sameSecret(client.secret(), params.get("client_secret"))) {
                JsonExchange.respond(exchange, 401, error("invalid_client", "unknown client or wrong secret"));
                return;
            }
            String token = tokenFor(clientId, params.get("audience"), client.roles());
            JsonExchange.respond(exchange, 200, Map.of(
                    "access_token", token,
                    "token_type", "Bearer",
                    "expires_in", TOKEN_LIFETIME.toSeconds()));
        }
    }

    private static Map<String, String> error(String code, String description) {
        return Map.of("error", code, "error_description", description);
    }

    private static boolean sameSecret(String expected, String given) {
        return given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Body parameters (JSON or form), completed by HTTP Basic client credentials; null when unparseable. */
    private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        String body = JsonExchange.body(exchange).trim();
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).toLowerCase(java.util.Locale.ROOT);
        Map<String, String> params;
        if (contentType.contains("json") || (!contentType.contains("form") && body.startsWith("{"))) {
            params = json(body);
        } else {
            params = JsonExchange.form(body);
        }
        if (params != null) {
            basicCredentials(exchange, params);
        }
        return params;
    }

    private static Map<String, String> json(String body) {
        try {
            JsonNode node = JsonExchange.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            node.fields().forEachRemaining(field -> {
                if (field.getValue().isValueNode()) {
                    params.put(field.getKey(), field.getValue().asText());
                }
            });
            return params;
        } catch (IOException e) {
            return null;
        }
    }

    private static void basicCredentials(HttpExchange exchange, Map<String, String> params) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || params.containsKey("client_id")) {
            return;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                params.put("client_id", URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
                params.put("client_secret", URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException ignored) {
            // a malformed Basic header simply leaves the client unauthenticated
        }
    }
}
