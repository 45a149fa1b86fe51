package dev.dxcp.testsupport.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.dxcp.testsupport.http.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Each hostile variant must be refused, and for the reason it was built for: the assertion on the
 * message makes sure a token is not rejected merely because some other claim happened to be wrong.
 */
class HostileTokenTest {

    private final TestIdentityProvider idp = TestIdentityProvider.start();
    private final GovernanceVerifier verifier = GovernanceVerifier.forIssuer(idp);

    @AfterEach
    void close() {
        idp.close();
    }

    private TokenBuilder valid() {
        return idp.token().sub("mallory").email("mallory@example.com").roles(TestIdentityProvider.ROLE_OBSERVERS);
    }

    @Test
    void controlTokenFromTheSameBuilderIsAccepted() throws Exception {
        assertEquals("mallory", verifier.verify(valid().sign()).getSubject());
    }

    @Test
    void unsecuredAlgNoneTokenIsRejected() throws Exception {
        String token = valid().algNone().sign();

        assertInstanceOf(PlainJWT.class, JWTParser.parse(token));
        assertTrue(token.endsWith("."), "alg none carries an empty signature");
        assertRejected(() -> verifier.verify(token), "Unsecured (plain) JWTs are rejected");
    }

    @Test
    void hs256KeyedWithThePublicKeyIsRejectedThoughItsMacIsGenuine() throws Exception {
        String token = valid().hs256SignedWithPublicKey().sign();
        SignedJWT jwt = SignedJWT.parse(token);

        assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
        assertEquals(idp.activeKid(), jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new MACVerifier(idp.activePublicKeyPem().getBytes(StandardCharsets.US_ASCII))),
                "the MAC must be real, or the test proves nothing about algorithm confusion");
        assertRejected(() -> verifier.verify(token), "Another algorithm expected, or no matching key(s) found");
    }

    @Test
    void unknownKidIsRejected() throws Exception {
        String token = valid().unknownKid().sign();
        String kid = SignedJWT.parse(token).getHeader().getKeyID();

        assertFalse(idp.publishedKids().contains(kid));
        assertTrue(SignedJWT.parse(token).verify(new RSASSAVerifier(activePublicKey())), "signature itself is fine");
        assertRejected(() -> verifier.verify(token), "no matching key(s) found");
    }

    @Test
    void missingKidIsRejectedThoughTheSignatureIsGenuine() throws Exception {
        String token = valid().noKid().sign();
        SignedJWT jwt = SignedJWT.parse(token);

        assertNull(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(activePublicKey())));
        assertRejected(() -> verifier.verify(token), "no kid");
    }

    @Test
    void expiredTokenIsRejected() {
        assertRejected(() -> verifier.verify(valid().expired().sign()), "Expired JWT");
    }

    @Test
    void notYetValidTokenIsRejected() {
        assertRejected(() -> verifier.verify(valid().notYetValid().sign()), "JWT before use time");
    }

    @Test
    void wrongIssuerIsRejected() {
        assertRejected(() -> verifier.verify(valid().wrongIssuer().sign()), "JWT iss claim value rejected");
    }

    @Test
    void wrongAudienceIsRejected() {
        assertRejected(() -> verifier.verify(valid().wrongAudience().sign()), "JWT aud claim rejected");
    }

    @Test
    void genuineSignatureOverAnotherPayloadIsRejected() throws Exception {
        String token = valid().tamperedPayload().sign();
        JWTClaimsSet forged = SignedJWT.parse(token).getJWTClaimsSet();

        assertEquals(List.of(TestIdentityProvider.ROLE_PLATFORM_ADMINS), forged.getStringListClaim(TokenBuilder.DEFAULT_ROLES_CLAIM));
        assertEquals("mallory-forged", forged.getSubject());
        assertRejected(() -> verifier.verify(token), "Invalid signature");
    }

    @Test
    void signatureByAnUnpublishedKeyUnderThePublishedKidIsRejected() throws Exception {
        String token = valid().signedWithUnpublishedKey().sign();

        assertEquals(idp.activeKid(), SignedJWT.parse(token).getHeader().getKeyID());
        assertRejected(() -> verifier.verify(token), "Invalid signature");
    }

    @Test
    void rolesClaimAsStringPassesSignatureChecksSoAuthorizationMustRefuseIt() throws Exception {
        // Governance: a non-array roles claim is a 403 AUTHZ_ROLE_REQUIRED, decided after authentication.
        JWTClaimsSet claims = verifier.verify(valid().rolesClaimNotArray().sign());

        assertInstanceOf(String.class, claims.getClaim(TokenBuilder.DEFAULT_ROLES_CLAIM));
        assertEquals(TestIdentityProvider.ROLE_OBSERVERS, claims.getClaim(TokenBuilder.DEFAULT_ROLES_CLAIM));
    }

    private RSAKey activePublicKey() throws Exception {
        return JWKSet.parse(TestHttp.get(idp.jwksUrl(), null).body()).getKeyByKeyId(idp.activeKid()).toRSAKey();
    }

    private static void assertRejected(Executable verification, String reason) {
        BadJOSEException error = assertThrows(BadJOSEException.class, verification);
        assertTrue(error.getMessage().contains(reason), "rejected for another reason: " + error.getMessage());
    }
}
