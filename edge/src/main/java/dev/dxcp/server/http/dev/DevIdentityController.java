package dev.dxcp.server.http.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.server.settings.DxcpProperties;
import dev.dxcp.server.http.RequestBodies;
import dev.dxcp.server.identity.DevIssuer;
import dev.dxcp.server.identity.DevIssuerEnabled;
import dev.dxcp.server.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The development token issuer's HTTP face (embedded mode only): JWKS, discovery, a client-credentials
 * token endpoint for the demo CI and portal clients, and tokens for each human role. It answers callers on
 * this machine only.
 */
@RestController
@Conditional(DevIssuerEnabled.class)
public class DevIdentityController {
    private static final Logger log = LoggerFactory.getLogger(DevIdentityController.class);
    static final String BASE = "/dev-idp";
    static final String PORTAL_CLIENT = "demo-backstage";
    static final String PORTAL_SECRET = "demo-backstage-secret";

    private final DevIssuer issuer;
    private final DxcpProperties.DevIssuer clients;
    private final ObjectMapper json;

    public DevIdentityController(DevIssuer issuer, DxcpProperties properties, ObjectMapper json) {
        this.issuer = issuer;
        this.clients = properties.devIssuer();
        this.json = json;
    }

    @GetMapping(BASE + "/.well-known/jwks.json")
    public Map<String, Object> jwks(ServerWebExchange exchange) {
        requireLoopback(exchange);
        return issuer.publicKeys().toJSONObject(true);
    }

    @GetMapping(BASE + "/.well-known/openid-configuration")
    public Map<String, Object> discovery(ServerWebExchange exchange) {
        requireLoopback(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", issuer.issuer());
        body.put("jwks_uri", issuer.issuer() + ".well-known/jwks.json");
        body.put("token_endpoint", issuer.issuer() + "oauth/token");
        body.put("grant_types_supported", java.util.List.of("client_credentials"));
        return body;
    }

    /** OAuth2 client credentials, JSON or form-encoded, as CI helpers and portal plugins send them. */
    @PostMapping(BASE + "/oauth/token")
    public Map<String, Object> token(ServerWebExchange exchange) {
        requireLoopback(exchange);
        Map<String, String> form = readForm(exchange.getRequest().getHeaders().getContentType(),
                RequestBodies.bodyOf(exchange));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "grant_type must be client_credentials");
        }
        String clientId = form.getOrDefault("client_id", "");
        String secret = form.getOrDefault("client_secret", "");
        String role;
        if (clientId.equals(clients.ciClientId()) && secret.equals(clients.ciClientSecret())) {
            role = Role.CI_PUBLISHER.claimValues().get(0);
        } else if (clientId.equals(PORTAL_CLIENT) && secret.equals(PORTAL_SECRET)) {
            role = Role.OBSERVER.claimValues().get(0);
        } else {
            throw new Rejection(ErrorCode.UNAUTHORIZED, "Unknown client or wrong secret");
        }
        return tokenBody(issuer.clientToken(clientId, role));
    }

    /** A token for a human role: admin, owner or observer; email and sub default per role. */
    @PostMapping(BASE + "/token/{role}")
    public Map<String, Object> humanToken(ServerWebExchange exchange, @PathVariable String role,
                                          @RequestParam(required = false) String email,
                                          @RequestParam(required = false) String sub) {
        requireLoopback(exchange);
        Role granted = switch (role) {
            case "admin" -> Role.PLATFORM_ADMIN;
            case "owner" -> Role.DELIVERY_OWNER;
            case "observer" -> Role.OBSERVER;
            default -> throw new Rejection(ErrorCode.INVALID_REQUEST, "role must be admin, owner or observer");
        };
        String address = email != null && !email.isBlank() ? email : role + "@dxcp.local";
        String subject = sub != null && !sub.isBlank() ? sub : address;
        Map<String, Object> answer = tokenBody(issuer.humanToken(subject, address, granted.claimValues().get(0)));
        answer.put("role", granted.name());
        answer.put("sub", subject);
        answer.put("email", address);
        return answer;
    }

    /**
     * The issuer mints tokens, admin ones included, for whoever asks: only a caller on this machine may ask.
     * Anyone else gets the answer of a path that does not exist (docs/DECISIONS.md 62).
     */
    private static void requireLoopback(ServerWebExchange exchange) {
        if (!LoopbackPeer.isLoopback(exchange.getRequest())) {
            log.warn("event=dev_issuer_refused peer={} path={} note=\"the development issuer answers loopback "
                    + "callers only\"", LoopbackPeer.describe(exchange.getRequest()),
                    exchange.getRequest().getPath().value());
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private Map<String, Object> tokenBody(String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", DevIssuer.TOKEN_LIFETIME.toSeconds());
        return body;
    }

    /**
     * The body arrived in full before this method was called (RequestBodies), so nothing here waits for
     * the network: a client sending its body slowly holds no request thread.
     */
    private Map<String, String> readForm(MediaType type, byte[] body) {
        Map<String, String> values = new HashMap<>();
        if (body.length == 0) {
            return values;
        }
        if (type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                values.putIfAbsent(decode(name), decode(value));
            }
            return values;
        }
        try {
            JsonNode node = json.readTree(body);
            node.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        } catch (IOException | IllegalArgumentException e) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "Token request body must be JSON or form-encoded");
        }
        return values;
    }

    private static String decode(String formValue) {
        try {
            return URLDecoder.decode(formValue, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "Token request body is not valid form encoding");
        }
    }
}
