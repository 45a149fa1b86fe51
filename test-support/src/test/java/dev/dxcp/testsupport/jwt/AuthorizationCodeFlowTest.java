package dev.dxcp.testsupport.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorizationCodeFlowTest {

    private static final String CLIENT = "dxcp-ui";
    private static final String REDIRECT = "http://127.0.0.1:9/auth/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final TestIdentityProvider idp = TestIdentityProvider.start();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void registerBrowserClient() {
        idp.registerPublicClient(CLIENT, REDIRECT);
    }

    @AfterEach
    void close() {
        idp.close();
    }

    @Test
    void theVerifierOfTheS256ChallengeGetsAnAccessTokenWithTheChosenRoleAndAnIdTokenWithTheNonce() throws Exception {
        HttpResponse<String> page = get(authorize(Map.of()));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<form"), page.body());

        String code = signIn("ann@example.com", TestIdentityProvider.ROLE_DELIVERY_OWNERS, "120");
        HttpResponse<String> answer = post(idp.tokenUrl(), Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "client_id", CLIENT, "code_verifier", VERIFIER));

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("*", answer.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        JsonNode body = JsonExchange.JSON.readTree(answer.body());
        assertEquals(120, body.get("expires_in").asInt());
        JWTClaimsSet access = GovernanceVerifier.forIssuer(idp).verify(body.get("access_token").asText());
        assertEquals("ann@example.com", access.getSubject());
        assertEquals("ann@example.com", access.getStringClaim("email"));
        assertEquals(List.of(idp.audience()), access.getAudience());
        assertEquals(List.of(TestIdentityProvider.ROLE_DELIVERY_OWNERS), access.getStringListClaim(TokenBuilder.DEFAULT_ROLES_CLAIM));
        JWTClaimsSet id = SignedJWT.parse(body.get("id_token").asText()).getJWTClaimsSet();
        assertEquals("n-1", id.getStringClaim("nonce"));
        assertEquals(List.of(CLIENT), id.getAudience());
        assertEquals("S256", idp.authorizationRequests().get(0).get("code_challenge_method"));
    }

    @Test
    void aWrongVerifierOrASecondUseOfTheCodeIsRefused() throws Exception {
        String code = signIn("ann@example.com", TestIdentityProvider.ROLE_OBSERVERS, "60");
        HttpResponse<String> wrong = post(idp.tokenUrl(), Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "client_id", CLIENT, "code_verifier", "not-the-verifier"));
        assertEquals(400, wrong.statusCode());
        assertEquals("invalid_grant", JsonExchange.JSON.readTree(wrong.body()).get("error").asText());

        String second = signIn("ann@example.com", TestIdentityProvider.ROLE_OBSERVERS, "60");
        Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", second,
                "redirect_uri", REDIRECT, "client_id", CLIENT, "code_verifier", VERIFIER);
        assertEquals(200, post(idp.tokenUrl(), exchange).statusCode());
        assertEquals(400, post(idp.tokenUrl(), exchange).statusCode());
    }

    @Test
    void withoutSessionsAPromptlessRequestAnswersLoginRequiredAndPkceIsRequired() throws Exception {
        HttpResponse<String> silent = get(authorize(Map.of("prompt", "none")));
        assertEquals(302, silent.statusCode());
        assertTrue(location(silent).startsWith(REDIRECT + "?error=login_required&state=s-1"), location(silent));

        HttpResponse<String> plain = get(authorize(Map.of("code_challenge_method", "plain")));
        assertTrue(location(plain).contains("error=invalid_request"), location(plain));
    }

    @Test
    void anUnregisteredRedirectUriGetsAPageNotARedirect() throws Exception {
        HttpResponse<String> answer = get(authorize(Map.of("redirect_uri", "http://evil.example/callback")));
        assertEquals(400, answer.statusCode());
        assertTrue(answer.headers().firstValue("Location").isEmpty());
    }

    @Test
    void discoveryAdvertisesTheAuthorizationEndpointAndS256() throws Exception {
        JsonNode discovery = JsonExchange.JSON.readTree(get(idp.discoveryUrl()).body());
        assertEquals(idp.authorizationUrl(), discovery.get("authorization_endpoint").asText());
        assertEquals("S256", discovery.get("code_challenge_methods_supported").get(0).asText());
    }

    private String signIn(String email, String role, String lifetime) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(params(Map.of()));
        form.put("email", email);
        form.put("role", role);
        form.put("lifetime_seconds", lifetime);
        HttpResponse<String> redirect = post(idp.authorizationUrl(), form);
        assertEquals(302, redirect.statusCode(), redirect.body());
        Map<String, String> query = JsonExchange.form(URI.create(location(redirect)).getRawQuery());
        assertEquals("s-1", query.get("state"));
        return query.get("code");
    }

    private Map<String, String> params(Map<String, String> overrides) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", CLIENT);
        params.put("redirect_uri", REDIRECT);
        params.put("scope", "openid profile email");
        params.put("state", "s-1");
        params.put("nonce", "n-1");
        params.put("code_challenge", CHALLENGE);
        params.put("code_challenge_method", "S256");
        params.put("audience", idp.audience());
        params.putAll(overrides);
        return params;
    }

    private String authorize(Map<String, String> overrides) {
        return idp.authorizationUrl() + "?" + encode(params(overrides));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
