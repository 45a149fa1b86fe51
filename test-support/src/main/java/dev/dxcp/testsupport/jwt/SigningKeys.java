package dev.dxcp.testsupport.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The issuer's key ring: one active RSA key that signs, older keys still published until retired
 * (so tokens signed before a rotation keep verifying), and one key that is never published, for
 * forged-signature tests.
 */
final class SigningKeys {

    private static final int RSA_BITS = 2048;
    private final AtomicInteger generation = new AtomicInteger();
    private final List<RSAKey> published = new ArrayList<>();
    private RSAKey active;
    private RSAKey unpublished;

    SigningKeys() {
        rotate();
    }

    synchronized RSAKey active() {
        return active;
    }

    /** Makes a new key active; the previous ones stay in the JWKS. Returns the new kid. */
    synchronized String rotate() {
        active = generate("test-key-" + generation.incrementAndGet());
        published.add(active);
        return active.getKeyID();
    }

    /** Drops every published key except the active one. */
    synchronized void retireOld() {
        published.removeIf(key -> !key.getKeyID().equals(active.getKeyID()));
    }

    synchronized JWKSet publicJwks() {
        List<JWK> keys = new ArrayList<>();
        published.forEach(key -> keys.add(key.toPublicJWK()));
        return new JWKSet(keys);
    }

    synchronized List<String> publishedKids() {
        return published.stream().map(RSAKey::getKeyID).toList();
    }

    /** Generated on first use: key generation costs tens of milliseconds and most tests never forge. */
    synchronized RSAKey unpublished() {
        if (unpublished == null) {
            unpublished = generate("never-published");
        }
        return unpublished;
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(RSA_BITS)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }
}
