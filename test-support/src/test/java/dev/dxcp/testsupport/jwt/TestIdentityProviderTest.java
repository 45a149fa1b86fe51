package dev.dxcp.testsupport.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.dxcp.testsupport.http.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestIdentityProviderTest {

    private final TestIdentityProvider idp = TestIdentityProvider.start();

    @AfterEach
    void close() {
        idp.close();
    }

    @Test
    void issuerIsLoopbackHttpWithTrailingSlashAndDiscoveryPointsAtTheJwks() {
        assertTrue(idp.issuer().matches("http://127\\.0\\.0\\.1:\\d+/"), idp.issuer());
        JsonNode discovery = TestHttp.get(idp.discoveryUrl(), null).json();
        assertEquals(idp.issuer(), discovery.get("issuer").asText());
        assertEquals(idp.jwksUrl(), discovery.get("jwks_uri").asText());
        assertEquals(idp.tokenUrl(), discovery.get("token_endpoint").asText());
        assertEquals(idp.issuer() + ".well-known/jwks.json", idp.jwksUrl());
    }

    @Test
    void jwksPublishesOnlyPublicRsaKeysAndCountsFetches() {
        int before = idp.jwksRequestCount();
        JsonNode jwks = TestHttp.get(idp.jwksUrl(), null).json();
        TestHttp.get(idp.jwksUrl(), null);

        JsonNode key = jwks.get("keys").get(0);
        assertEquals("RSA", key.get("kty").asText());
        assertEquals(idp.activeKid(), key.get("kid").asText());
        assertTrue(key.has("n") && key.has("e"));
        assertTrue(!key.has("d") && !key.has("p"), "private key material published: " + key);
        assertEquals(before + 2, idp.jwksRequestCount());
    }

    @Test
    void defaultTokenVerifiesAgainstTheJwksFetchedOverHttp() throws Exception {
        String token = idp.token().sub("alice").email("alice@example.com").customEmail("Alice@Example.com")
                .roles("dxcp-delivery-owners").azp("dxcp-ui").claim("team", "payments").sign();

        JWTClaimsSet claims = GovernanceVerifier.forIssuer(idp).verify(token);

        assertEquals("RS256", SignedJWT.parse(token).getHeader().getAlgorithm().getName());
        assertEquals(idp.activeKid(), SignedJWT.parse(token).getHeader().getKeyID());
        assertEquals("alice", claims.getSubject());
        assertEquals(idp.issuer(), claims.getIssuer());
        assertEquals(List.of(TestIdentityProvider.DEFAULT_AUDIENCE), claims.getAudience());
        assertEquals("alice@example.com", claims.getStringClaim("email"));
        assertEquals("Alice@Example.com", claims.getStringClaim(TokenBuilder.DEFAULT_EMAIL_CLAIM));
        assertEquals(List.of("dxcp-delivery-owners"), claims.getStringListClaim(TokenBuilder.DEFAULT_ROLES_CLAIM));
        assertEquals("dxcp-ui", claims.getStringClaim("azp"));
        assertEquals("payments", claims.getStringClaim("team"));
        long lifetime = claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
        assertEquals(Duration.ofHours(1).toMillis(), lifetime);
        assertTrue(idp.jwksRequestCount() >= 1, "verifier never fetched the JWKS");
    }

    @Test
    void builderOptionsChangeTheClaimsTheyName() throws Exception {
        Instant nbf = Instant.now().minusSeconds(5);
        String token = idp.token().sub("bob").aud(List.of("other", idp.audience())).rolesClaim("groups")
                .roles("dxcp-observers").expiresIn(Duration.ofMinutes(5)).notBefore(nbf).claim("azp", null).sign();

        JWTClaimsSet claims = GovernanceVerifier.forIssuer(idp).verify(token);

        assertEquals(List.of("other", idp.audience()), claims.getAudience());
        assertEquals(List.of("dxcp-observers"), claims.getStringListClaim("groups"));
        assertEquals(null, claims.getClaim(TokenBuilder.DEFAULT_ROLES_CLAIM));
        assertEquals(nbf.getEpochSecond(), claims.getNotBeforeTime().toInstant().getEpochSecond());
        assertEquals(Duration.ofMinutes(5).toMillis(),
                claims.getExpirationTime().getTime() - claims.getIssueTime().getTime());
    }

    @Test
    void rotationPublishesBothKidsUntilOldKeysAreRetired() throws Exception {
        String oldKid = idp.activeKid();
        String before = idp.token().sub("before-rotation").sign();

        String newKid = idp.rotateKey();
        String after = idp.token().sub("after-rotation").sign();

        assertNotEquals(oldKid, newKid);
        assertEquals(List.of(oldKid, newKid), publishedKids());
        assertEquals(newKid, SignedJWT.parse(after).getHeader().getKeyID());
        GovernanceVerifier verifier = GovernanceVerifier.forIssuer(idp);
        assertEquals("before-rotation", verifier.verify(before).getSubject());
        assertEquals("after-rotation", verifier.verify(after).getSubject());

        idp.retireOldKeys();

        assertEquals(List.of(newKid), publishedKids());
        GovernanceVerifier fresh = GovernanceVerifier.forIssuer(idp);
        assertThrows(BadJOSEException.class, () -> fresh.verify(before));
        assertEquals("after-rotation", fresh.verify(after).getSubject());
    }

    @Test
    void convenienceTokensCarryTheRoleTheirNameSays() throws Exception {
        GovernanceVerifier verifier = GovernanceVerifier.forIssuer(idp);

        JWTClaimsSet owner = verifier.verify(idp.ownerToken("owner@example.com"));
        JWTClaimsSet admin = verifier.verify(idp.adminToken());
        JWTClaimsSet observer = verifier.verify(idp.observerToken());
        JWTClaimsSet ci = verifier.verify(idp.ciToken("github-actions"));

        assertEquals("owner@example.com", owner.getStringClaim("email"));
        assertEquals(List.of("dxcp-delivery-owners"), owner.getStringListClaim(TokenBuilder.DEFAULT_ROLES_CLAIM));
        assertEquals(List.of("dxcp-platform-admins"), admin.getStringListClaim(TokenBuilder.DEFAULT_ROLES_CLAIM));
        assertEquals(List.of("dxcp-observers"), observer.getStringListClaim(TokenBuilder.DEFAULT_ROLES_CLAIM));
        assertEquals(List.of("dxcp-ci-publishers"), ci.getStringListClaim(TokenBuilder.DEFAULT_ROLES_CLAIM));
        assertEquals("github-actions@clients", ci.getSubject());
        assertEquals("github-actions", ci.getStringClaim("azp"));
    }

    @Test
    void audienceIsConfigurable() throws Exception {
        try (TestIdentityProvider other = TestIdentityProvider.start("https://staging.dxcp.example/api")) {
            JWTClaimsSet claims = GovernanceVerifier.forIssuer(other).verify(other.adminToken());
            assertEquals(List.of("https://staging.dxcp.example/api"), claims.getAudience());
        }
    }

    private List<String> publishedKids() {
        List<String> kids = new ArrayList<>();
        TestHttp.get(idp.jwksUrl(), null).json().get("keys").forEach(key -> kids.add(key.get("kid").asText()));
        return kids;
    }
}
