package dev.dxcp.server.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.time.Clock;
import java.time.InstantSource;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Validates bearer tokens (governance §1): RS256 only, a {@code kid} in the header, the key looked up
 * in the issuer's key set, {@code iss} equal, {@code aud} containing our audience, {@code exp} and
 * {@code nbf} enforced with a bounded clock skew. Anything else — unsigned tokens, HMAC tokens made
 * with the public key, unknown keys — fails.
 */
public class TokenVerifier {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final JWKSource<SecurityContext> keys;

    public TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, Duration clockSkew) {
        this(keys, issuer, audience, clockSkew, Clock.systemUTC());
    }

    /** @param clock what {@code exp} and {@code nbf} are compared with */
    public TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, Duration clockSkew,
                         InstantSource clock) {
        this.keys = keys;
        // Only RS256 keys are ever selected, so an HS256 token "signed" with the public key finds no key.
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), null));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(audience),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp"), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The validated claims, plus the payload as sent (aud keeps its type: string or list). */
    public record Verified(JWTClaimsSet claims, java.util.Map<String, Object> payload) {
    }

    /**
     * A verified token, with what its header selected in the key set before the signature was checked.
     * Only RS256 keys: the same selection the processor makes.
     */
    public record Checked(Verified verified, JWKMatcher matcher, List<JWK> keys) {
    }

    public JWKSource<SecurityContext> keys() {
        return keys;
    }

    public Verified verify(String token) throws InvalidToken {
        return check(token).verified();
    }

    public Checked check(String token) throws InvalidToken {
        SignedJWT jwt;
        try {
            // Parsing as a signed JWT rejects alg "none" (unsecured) tokens outright.
            jwt = SignedJWT.parse(token);
        } catch (java.text.ParseException e) {
            throw new InvalidToken("malformed or unsigned token");
        }
        if (jwt.getHeader().getKeyID() == null || jwt.getHeader().getKeyID().isBlank()) {
            throw new InvalidToken("token header has no kid");
        }
        JWKMatcher matcher = JWKMatcher.forJWSHeader(jwt.getHeader());
        if (matcher == null || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidToken("only RS256 tokens are accepted");
        }
        try {
            List<JWK> selected = keys.get(new JWKSelector(matcher), null);
            return new Checked(new Verified(processor.process(jwt, null), jwt.getPayload().toJSONObject()), matcher,
                    List.copyOf(selected));
        } catch (KeySourceException e) {
            throw new InvalidToken(e.getMessage());
        } catch (Exception e) {
            throw new InvalidToken(e.getMessage());
        }
    }
}
