package dev.dxcp.testsupport.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.dxcp.testsupport.http.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientCredentialsEndpointTest {

    private final TestIdentityProvider idp = TestIdentityProvider.start();

    @BeforeEach
    void registerCiClient() {
        idp.registerClient("ci-pipeline", "s3cret", TestIdentityProvider.ROLE_CI_PUBLISHERS);
    }

    @AfterEach
    void close() {
        idp.close();
    }

    @Test
    void jsonRequestGetsABearerTokenShapedLikeACiIdentity() throws Exception {
        TestHttp.Response response = TestHttp.post(idp.tokenUrl(), null, Map.of(
                "grant_type", "client_credentials", "client_id", "ci-pipeline", "client_secret", "s3cret",
                "audience", idp.audience()));

        assertEquals(200, response.status(), response.body());
        JsonNode body = response.json();
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals(3600, body.get("expires_in").asInt());
        JWTClaimsSet claims = GovernanceVerifier.forIssuer(idp).verify(body.get("access_token").asText());
        assertEquals("ci-pipeline@clients", claims.getSubject());
        assertEquals("ci-pipeline", claims.getStringClaim("azp"));
        assertEquals(idp.issuer(), claims.getIssuer());
        assertEquals(List.of(idp.audience()), claims.getAudience());
        assertEquals(List.of("dxcp-ci-publishers"), claims.getStringListClaim(TokenBuilder.DEFAULT_ROLES_CLAIM));
    }

    @Test
    void formRequestWorksAndItsAudienceIsHonoured() throws Exception {
        HttpResponse<String> response = postForm(
                "grant_type=client_credentials&client_id=ci-pipeline&client_secret=s3cret"
                        + "&audience=https%3A%2F%2Fother.example%2Fapi", null);

        assertEquals(200, response.statusCode(), response.body());
        String token = TestHttp.JSON.readTree(response.body()).get("access_token").asText();
        JWTClaimsSet claims = new GovernanceVerifier(idp.issuer(), "https://other.example/api", idp.jwksUrl()).verify(token);
        assertEquals(List.of("https://other.example/api"), claims.getAudience());
    }

    @Test
    void basicAuthenticationOfTheClientIsAccepted() throws Exception {
        String basic = Base64.getEncoder().encodeToString("ci-pipeline:s3cret".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = postForm("grant_type=client_credentials", "Basic " + basic);

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void wrongSecretIsRefusedWith401() {
        TestHttp.Response response = TestHttp.post(idp.tokenUrl(), null, Map.of(
                "grant_type", "client_credentials", "client_id", "ci-pipeline", "client_secret", "guess"));

        assertEquals(401, response.status());
        assertEquals("invalid_client", response.json().get("error").asText());
    }

    @Test
    void unknownClientIsRefusedWith401() throws Exception {
        assertEquals(401, postForm("grant_type=client_credentials&client_id=nobody&client_secret=s3cret", null).statusCode());
    }

    @Test
    void otherGrantTypesAreRefusedWith400() {
        TestHttp.Response response = TestHttp.post(idp.tokenUrl(), null, Map.of(
                "grant_type", "password", "client_id", "ci-pipeline", "client_secret", "s3cret"));

        assertEquals(400, response.status());
        assertEquals("unsupported_grant_type", response.json().get("error").asText());
    }

    @Test
    void getIsNotAllowed() {
        assertEquals(405, TestHttp.get(idp.tokenUrl(), null).status());
    }

    private HttpResponse<String> postForm(String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(idp.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
