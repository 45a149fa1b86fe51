package dev.dxcp.testsupport.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real OIDC-like issuer over real HTTP on 127.0.0.1, so DXCP's token validation is tested the way
 * it runs in production: discovery document, JWKS fetched over HTTP, RS256 keys with kids, key
 * rotation, and a client-credentials token endpoint for CI identities.
 *
 * <pre>
 * try (TestIdentityProvider idp = TestIdentityProvider.start()) {
 *     String token = idp.token().sub("alice").roles(TestIdentityProvider.ROLE_DELIVERY_OWNERS).sign();
 * }
 * </pre>
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String DEFAULT_AUDIENCE = "https://dxcp.example/api";
    public static final String ROLE_PLATFORM_ADMINS = "dxcp-platform-admins";
    public static final String ROLE_DELIVERY_OWNERS = "dxcp-delivery-owners";
    public static final String ROLE_OBSERVERS = "dxcp-observers";
    public static final String ROLE_CI_PUBLISHERS = "dxcp-ci-publishers";
    public static final String ADMIN_EMAIL = "admin@dxcp.example";
    public static final String OBSERVER_EMAIL = "observer@dxcp.example";

    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    static final String TOKEN_PATH = "/oauth/token";
    static final String AUTHORIZE_PATH = "/authorize";
    static final String LOGOUT_PATH = "/logout";

    private final HttpServer server;
    private final ExecutorService executor;
    private final SigningKeys keys = new SigningKeys();
    private final String audience;
    private final ClientCredentialsEndpoint tokenEndpoint;
    private final AuthorizationEndpoint authorizationEndpoint;
    private final AtomicInteger jwksRequests = new AtomicInteger();

    private TestIdentityProvider(String audience) throws IOException {
        this.audience = audience;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Daemon threads: a test that forgets close() must not keep the JVM alive.
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-idp-http");
            thread.setDaemon(true);
            return thread;
        });
        this.authorizationEndpoint = new AuthorizationEndpoint(this::token, this::issuer, audience);
        this.tokenEndpoint = new ClientCredentialsEndpoint(this::token, audience, authorizationEndpoint);
        server.createContext(JWKS_PATH, getOnly(this::serveJwks));
        server.createContext(DISCOVERY_PATH, getOnly(this::serveDiscovery));
        server.createContext(TOKEN_PATH, tokenEndpoint);
        server.createContext(AUTHORIZE_PATH, authorizationEndpoint);
        server.createContext(LOGOUT_PATH, getOnly(TestIdentityProvider::serveLogout));
        server.setExecutor(executor);
        server.start();
    }

    public static TestIdentityProvider start() {
        return start(DEFAULT_AUDIENCE);
    }

    public static TestIdentityProvider start(String audience) {
        try {
            return new TestIdentityProvider(audience);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test identity provider", e);
        }
    }

    // ---- where it lives ----

    /** {@code http://127.0.0.1:<port>/}, trailing slash included as issuers commonly do. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public String jwksUrl() {
        return issuer() + JWKS_PATH.substring(1);
    }

    public String discoveryUrl() {
        return issuer() + DISCOVERY_PATH.substring(1);
    }

    public String tokenUrl() {
        return issuer() + TOKEN_PATH.substring(1);
    }

    public String audience() {
        return audience;
    }

    public String authorizationUrl() {
        return issuer() + AUTHORIZE_PATH.substring(1);
    }

    // ---- keys ----

    public String activeKid() {
        return keys.active().getKeyID();
    }

    public List<String> publishedKids() {
        return keys.publishedKids();
    }

    /** New active key; earlier keys stay published until {@link #retireOldKeys()}. Returns the new kid. */
    public String rotateKey() {
        return keys.rotate();
    }

    public void retireOldKeys() {
        keys.retireOld();
    }

    /** How often the JWKS was fetched: lets tests check that a verifier caches keys. */
    public int jwksRequestCount() {
        return jwksRequests.get();
    }

    /** PEM text of the active public key: the HMAC secret of {@link TokenBuilder#hs256SignedWithPublicKey()}. */
    public String activePublicKeyPem() {
        return pem(keys.active());
    }

    static String pem(RSAKey key) {
        try {
            byte[] der = key.toRSAPublicKey().getEncoded();
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- tokens ----

    public TokenBuilder token() {
        return new TokenBuilder(keys, issuer(), audience);
    }

    /** A delivery owner whose sub and email are both {@code email}. */
    public String ownerToken(String email) {
        return token().sub(email).email(email).roles(ROLE_DELIVERY_OWNERS).sign();
    }

    public String adminToken() {
        return token().sub(ADMIN_EMAIL).email(ADMIN_EMAIL).roles(ROLE_PLATFORM_ADMINS).sign();
    }

    public String observerToken() {
        return token().sub(OBSERVER_EMAIL).email(OBSERVER_EMAIL).roles(ROLE_OBSERVERS).sign();
    }

    /** The token the client-credentials endpoint would issue to a CI publisher with this client id. */
    public String ciToken(String clientId) {
        return tokenEndpoint.tokenFor(clientId, audience, List.of(ROLE_CI_PUBLISHERS));
    }

    /** Lets {@code clientId}/{@code secret} obtain tokens carrying {@code roles} from {@link #tokenUrl()}. */
    public void registerClient(String clientId, String secret, String... roles) {
        tokenEndpoint.register(clientId, secret, List.of(roles));
    }

    /**
     * Lets a browser application sign in with the authorization code flow and PKCE (S256) as
     * {@code clientId}, redirecting only to these exact URIs. The sign-in page lets the tester pick the
     * email, the role (or none) and the access token's lifetime.
     */
    public void registerPublicClient(String clientId, String... redirectUris) {
        authorizationEndpoint.registerPublicClient(clientId, List.of(redirectUris));
    }

    /** The query parameters of every authorization request, oldest first. */
    public List<Map<String, String>> authorizationRequests() {
        return authorizationEndpoint.requests();
    }

    // ---- HTTP ----

    private void serveJwks(HttpExchange exchange) throws IOException {
        jwksRequests.incrementAndGet();
        JsonExchange.respond(exchange, 200, keys.publicJwks().toString());
    }

    private void serveDiscovery(HttpExchange exchange) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("jwks_uri", jwksUrl());
        document.put("token_endpoint", tokenUrl());
        document.put("authorization_endpoint", authorizationUrl());
        document.put("end_session_endpoint", issuer() + LOGOUT_PATH.substring(1));
        document.put("grant_types_supported", List.of("client_credentials", "authorization_code"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic", "none"));
        document.put("response_types_supported", List.of("code", "token"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        JsonExchange.respond(exchange, 200, document);
    }

    /** Sign-out: no session to end; back to the application's post-logout address when one is given. */
    private static void serveLogout(HttpExchange exchange) throws IOException {
        String target = JsonExchange.form(exchange.getRequestURI().getRawQuery()).get("post_logout_redirect_uri");
        if (target != null && (target.startsWith("http://") || target.startsWith("https://"))) {
            exchange.getResponseHeaders().set("Location", target);
            exchange.sendResponseHeaders(302, -1);
        } else {
            JsonExchange.respond(exchange, 200, Map.of("signed_out", true));
        }
    }

    private interface ExchangeAction {
        void serve(HttpExchange exchange) throws IOException;
    }

    private static HttpHandler getOnly(ExchangeAction action) {
        return exchange -> {
            try (exchange) {
                if ("GET".equals(exchange.getRequestMethod())) {
                    action.serve(exchange);
                } else {
                    JsonExchange.respond(exchange, 405, Map.of("error", "method not allowed"));
                }
            }
        };
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
