package dev.dxcp.testsupport.jwt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The OAuth 2.0 authorization code flow with PKCE, as a browser application (the DXCP web UI) uses
 * it: {@code GET /authorize} shows a sign-in form where the tester picks an email, a role and a token
 * lifetime; {@code POST /authorize} redirects back with a one-time code; the token endpoint exchanges
 * it for an access token and an ID token after checking the S256 code verifier. Only registered
 * public clients and their exact redirect URIs are served. The issuer keeps no sign-in session, so a
 * prompt-less request ({@code prompt=none}) answers {@code login_required}, like a provider whose
 * session cookie is gone.
 */
final class AuthorizationEndpoint implements HttpHandler {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    private static final Set<String> ROLE_CHOICES = Set.of(TestIdentityProvider.ROLE_PLATFORM_ADMINS,
            TestIdentityProvider.ROLE_DELIVERY_OWNERS, TestIdentityProvider.ROLE_OBSERVERS,
            TestIdentityProvider.ROLE_CI_PUBLISHERS, "none");

    private record Grant(String clientId, String redirectUri, String challenge, String nonce, String email,
                         List<String> roles, Duration lifetime, String audience, Instant expiresAt) {
    }

    private final Map<String, Set<String>> redirectUris = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final Supplier<TokenBuilder> tokens;
    private final Supplier<String> issuer;
    private final String defaultAudience;
    private final SecureRandom random = new SecureRandom();

    AuthorizationEndpoint(Supplier<TokenBuilder> tokens, Supplier<String> issuer, String defaultAudience) {
        this.tokens = tokens;
        this.issuer = issuer;
        this.defaultAudience = defaultAudience;
    }

    void registerPublicClient(String clientId, List<String> uris) {
        redirectUris.computeIfAbsent(clientId, id -> ConcurrentHashMap.newKeySet()).addAll(uris);
    }

    /** The query of every authorization request received, oldest first. */
    List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = "POST".equals(exchange.getRequestMethod())
                    ? JsonExchange.form(JsonExchange.body(exchange)) : JsonExchange.form(exchange.getRequestURI().getRawQuery());
            if ("GET".equals(exchange.getRequestMethod())) {
                requests.add(params);
            }
            String clientId = params.getOrDefault("client_id", "");
            String redirectUri = params.getOrDefault("redirect_uri", "");
            if (!redirectUris.getOrDefault(clientId, Set.of()).contains(redirectUri)) {
                // Never redirect to an unregistered address (RFC 6749 §4.1.2.1): say so on a page instead.
                page(exchange, 400, "<h1>Sign-in refused</h1><p>Unknown client or redirect URI.</p>");
                return;
            }
            String state = params.get("state");
            if (!"code".equals(params.get("response_type"))) {
                redirect(exchange, redirectUri, Map.of("error", "unsupported_response_type"), state);
            } else if (!"S256".equals(params.get("code_challenge_method")) || blank(params.get("code_challenge"))) {
                redirect(exchange, redirectUri, Map.of("error", "invalid_request",
                        "error_description", "PKCE with code_challenge_method=S256 is required"), state);
            } else if ("none".equals(params.get("prompt"))) {
                redirect(exchange, redirectUri, Map.of("error", "login_required"), state);
            } else if ("GET".equals(exchange.getRequestMethod())) {
                page(exchange, 200, signInForm(params));
            } else if ("POST".equals(exchange.getRequestMethod())) {
                redirect(exchange, redirectUri, Map.of("code", issueCode(params)), state);
            } else {
                page(exchange, 405, "<h1>Method not allowed</h1>");
            }
        }
    }

    private String issueCode(Map<String, String> params) {
        String role = params.getOrDefault("role", TestIdentityProvider.ROLE_OBSERVERS);
        List<String> roles = ROLE_CHOICES.contains(role) && !role.equals("none") ? List.of(role) : List.of();
        long seconds = parseSeconds(params.get("lifetime_seconds"));
        String email = params.getOrDefault("email", "").trim();
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        codes.put(code, new Grant(params.get("client_id"), params.get("redirect_uri"), params.get("code_challenge"),
                params.get("nonce"), email.isEmpty() ? "user@dxcp.example" : email, roles, Duration.ofSeconds(seconds),
                blank(params.get("audience")) ? defaultAudience : params.get("audience"), Instant.now().plus(CODE_LIFETIME)));
        return code;
    }

    /** grant_type=authorization_code at the token endpoint: one use per code, verifier checked (RFC 7636 §4.6). */
    Map<String, Object> exchange(Map<String, String> params) {
        Grant grant = codes.remove(params.getOrDefault("code", ""));
        if (grant == null || grant.expiresAt().isBefore(Instant.now())) {
            return Map.of("error", "invalid_grant", "error_description", "unknown, used or expired code");
        }
        if (!grant.clientId().equals(params.get("client_id")) || !grant.redirectUri().equals(params.get("redirect_uri"))) {
            return Map.of("error", "invalid_grant", "error_description", "client_id or redirect_uri differ from the authorization request");
        }
        if (!grant.challenge().equals(s256(params.getOrDefault("code_verifier", "")))) {
            return Map.of("error", "invalid_grant", "error_description", "code_verifier does not match the code_challenge");
        }
        String accessToken = tokens.get().sub(grant.email()).email(grant.email()).aud(grant.audience())
                .azp(grant.clientId()).roles(grant.roles()).expiresIn(grant.lifetime()).sign();
        TokenBuilder idToken = tokens.get().sub(grant.email()).email(grant.email()).aud(grant.clientId())
                .expiresIn(grant.lifetime());
        if (grant.nonce() != null) {
            idToken.claim("nonce", grant.nonce());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        answer.put("id_token", idToken.sign());
        answer.put("token_type", "Bearer");
        answer.put("expires_in", grant.lifetime().toSeconds());
        return answer;
    }

    private String signInForm(Map<String, String> params) {
        StringBuilder hidden = new StringBuilder();
        params.forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"").append(html(name))
                .append("\" value=\"").append(html(value)).append("\">"));
        return "<!doctype html><html><head><title>Test identity provider</title></head><body>"
                + "<h1>Test identity provider</h1><p>Signing in to <b>" + html(params.get("client_id")) + "</b></p>"
                + "<form method=\"post\" action=\"" + html(issuer.get()) + "authorize\">" + hidden
                + "<p><label>Email <input id=\"email\" name=\"email\" value=\"user@dxcp.example\"></label></p>"
                + "<p><label>Role <select id=\"role\" name=\"role\">"
                + option(TestIdentityProvider.ROLE_PLATFORM_ADMINS) + option(TestIdentityProvider.ROLE_DELIVERY_OWNERS)
                + option(TestIdentityProvider.ROLE_OBSERVERS) + option(TestIdentityProvider.ROLE_CI_PUBLISHERS)
                + option("none") + "</select></label></p>"
                + "<p><label>Token lifetime (s) <input id=\"lifetime\" name=\"lifetime_seconds\" value=\"3600\"></label></p>"
                + "<p><button id=\"sign-in\" type=\"submit\">Sign in</button></p></form></body></html>";
    }

    private static String option(String value) {
        return "<option value=\"" + value + "\">" + value + "</option>";
    }

    private static void redirect(HttpExchange exchange, String redirectUri, Map<String, String> params, String state)
            throws IOException {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        Map<String, String> all = new LinkedHashMap<>(params);
        if (state != null) {
            all.put("state", state);
        }
        all.forEach((name, value) -> location.append(enc(name)).append('=').append(enc(value)).append('&'));
        location.setLength(location.length() - 1);
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    private static void page(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long parseSeconds(String value) {
        try {
            long seconds = Long.parseLong(value == null ? "3600" : value.trim());
            return Math.max(1, Math.min(seconds, 86_400));
        } catch (NumberFormatException e) {
            return 3600;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String html(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
