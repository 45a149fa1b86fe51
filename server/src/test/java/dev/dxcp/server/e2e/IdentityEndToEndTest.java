package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp.Response;
import dev.dxcp.testsupport.jwt.TokenBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Token validation and role mapping against an external OIDC issuer (governance §1). */
class IdentityEndToEndTest extends EndToEndTest {

    @Test
    void whoamiEchoesTheValidatedTokenForACiIdentity() {
        Response response = get("/v1/whoami", env.identity.ciToken("e2e-ci-whoami"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("sub").asText()).isEqualTo("e2e-ci-whoami@clients");
        assertThat(body.path("actor_id").asText()).isEqualTo("e2e-ci-whoami@clients");
        assertThat(body.path("azp").asText()).isEqualTo("e2e-ci-whoami");
        assertThat(body.path("iss").asText()).isEqualTo(env.identity.issuer());
        assertThat(body.path("email").isNull()).isTrue();
        assertThat(body.has("roles")).isFalse();
    }

    @Test
    void whoamiKeepsTheAudienceTypeOfTheToken() {
        String single = env.identity.token().sub("a").roles("dxcp-observers").aud(env.identity.audience()).sign();
        String list = env.identity.token().sub("b").roles("dxcp-observers")
                .aud(env.identity.audience(), "other-api").sign();
        assertThat(get("/v1/whoami", single).json().path("aud").isTextual()).isTrue();
        assertThat(get("/v1/whoami", list).json().path("aud").isArray()).isTrue();
    }

    @Test
    void actorIdFallsBackFromSubToEmailAndEmailFromTheCustomClaim() {
        String token = env.identity.token().claim("sub", null).customEmail("Custom@Example.com")
                .roles("dxcp-observers").sign();
        JsonNode body = get("/v1/whoami", token).json();
        assertThat(body.path("actor_id").asText()).isEqualTo("Custom@Example.com");
        assertThat(body.path("email").asText()).isEqualTo("Custom@Example.com");
    }

    @Test
    void hostileAndInvalidTokensAreRefusedWith401() {
        List<UnaryOperator<TokenBuilder>> variants = List.of(TokenBuilder::algNone,
                TokenBuilder::hs256SignedWithPublicKey, TokenBuilder::unknownKid, TokenBuilder::noKid,
                TokenBuilder::expired, TokenBuilder::notYetValid, TokenBuilder::wrongIssuer,
                TokenBuilder::wrongAudience, TokenBuilder::tamperedPayload, TokenBuilder::signedWithUnpublishedKey,
                TokenBuilder::issuedInTheFuture);
        for (UnaryOperator<TokenBuilder> variant : variants) {
            String token = variant.apply(env.identity.token().sub("x").roles("dxcp-platform-admins")).sign();
            assertError(get("/v1/whoami", token), 401, "UNAUTHORIZED");
        }
        assertError(get("/v1/whoami", null), 401, "UNAUTHORIZED");
        assertError(get("/v1/whoami", null, "Authorization", "Basic dXNlcjpwYXNz"), 401, "UNAUTHORIZED");
        assertError(get("/v1/whoami", null, "Authorization", "Bearer "), 401, "UNAUTHORIZED");
        assertError(get("/v1/whoami", "not.a.jwt"), 401, "UNAUTHORIZED");
    }

    @Test
    void expiryWithinTheClockSkewIsStillAccepted() {
        String token = env.identity.token().sub("skew").roles("dxcp-observers")
                .expiresAt(java.time.Instant.now().minusSeconds(20)).sign();
        assertThat(get("/v1/whoami", token).status()).isEqualTo(200);
    }

    @Test
    void issuedAtInTheFutureIsRefusedBeyondTheClockSkewAndAcceptedWithinIt() {
        String ahead = env.identity.token().sub("iat").roles("dxcp-observers")
                .issuedAt(java.time.Instant.now().plusSeconds(600)).sign();
        assertError(get("/v1/whoami", ahead), 401, "UNAUTHORIZED");
        String withinSkew = env.identity.token().sub("iat").roles("dxcp-observers")
                .issuedAt(java.time.Instant.now().plusSeconds(20)).sign();
        assertThat(get("/v1/whoami", withinSkew).status()).isEqualTo(200);
    }

    @Test
    void missingNonArrayOrUnknownRolesAreRefusedWithAuthzRoleRequired() {
        assertError(get("/v1/whoami", env.identity.token().sub("r1").sign()), 403, "AUTHZ_ROLE_REQUIRED");
        assertError(get("/v1/whoami", env.identity.token().sub("r2").rolesClaimNotArray().sign()), 403,
                "AUTHZ_ROLE_REQUIRED");
        assertError(get("/v1/whoami", env.identity.token().sub("r3").roles("admins").sign()), 403,
                "AUTHZ_ROLE_REQUIRED");
    }

    @Test
    void firstRecognizedRoleInTheClaimWinsAndTheLegacyCiValueIsACiPublisher() {
        String token = env.identity.token().sub("e2e-ci-legacy@clients").azp("e2e-ci-legacy")
                .roles("something-else", "dxcp-ci-publisher", "dxcp-platform-admins").sign();
        Response admin = get("/v1/admin/system/rate-limits", token);
        assertError(admin, 403, "ROLE_FORBIDDEN");
        assertThat(admin.json().path("message").asText()).isEqualTo("Role CI_PUBLISHER cannot administer system settings");
    }

    @Test
    void rotatedSigningKeysAreAcceptedByKeyId() {
        String before = env.identity.token().sub("rot").roles("dxcp-observers").sign();
        assertThat(get("/v1/whoami", before).status()).isEqualTo(200);
        env.identity.rotateKey();
        String after = env.identity.token().sub("rot").roles("dxcp-observers").sign();
        assertThat(get("/v1/whoami", after).status()).isEqualTo(200);
        assertThat(get("/v1/whoami", before).status()).isEqualTo(200);
    }

    @Test
    void theDevelopmentIssuerIsOffWhenOidcIsConfigured() {
        assertThat(post("/dev-idp/token/admin", null, null).status()).isEqualTo(404);
        assertThat(get("/dev-idp/.well-known/jwks.json", null).status()).isEqualTo(404);
    }

    @Test
    void clientCredentialsTokensFromTheProviderAreAccepted() {
        env.identity.registerClient("e2e-ci-cc", "secret", "dxcp-ci-publishers");
        Response issued = dev.dxcp.testsupport.http.TestHttp.post(env.identity.tokenUrl(), null,
                Map.of("grant_type", "client_credentials", "client_id", "e2e-ci-cc", "client_secret", "secret",
                        "audience", env.identity.audience()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String accessToken = issued.json().path("access_token").asText();
        assertThat(get("/v1/whoami", accessToken).json().path("azp").asText()).isEqualTo("e2e-ci-cc");
        assertThat(Duration.ofSeconds(issued.json().path("expires_in").asLong())).isPositive();
    }
}
