package dev.dxcp.server.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * Validates bearer tokens (governance §1): RS256 only, a {@code kid} in the header, the key looked up
 * in the issuer's key set, {@code iss} equal, {@code aud} containing our audience, {@code exp},
 * {@code nbf} and {@code iat} (not in the future) enforced with a bounded clock skew. Anything else — unsigned tokens, HMAC tokens made
 * with the public key, unknown keys — fails.
 */
public class TokenVerifier {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, Duration clockSkew) {
        // Only RS256 keys are ever selected, so an HS256 token "signed" with the public key finds no key.
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), null));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(audience),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp"), null) {
            @Override
            public void verify(JWTClaimsSet claimsSet, SecurityContext context) throws BadJWTException {
                super.verify(claimsSet, context);
                // The library bounds exp and nbf by the skew, not iat: a token minted "later" is refused too.
                Date issuedAt = claimsSet.getIssueTime();
                if (issuedAt != null && issuedAt.toInstant().isAfter(Instant.now().plus(clockSkew))) {
                    throw new TokenRejections.IssuedInTheFuture();
                }
            }
        };
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The validated claims, plus the payload as sent (aud keeps its type: string or list). */
    public record Verified(JWTClaimsSet claims, java.util.Map<String, Object> payload) {
    }

    public Verified verify(String token) throws InvalidToken {
        SignedJWT jwt;
        try {
            // Parsing as a signed JWT rejects alg "none" (unsecured) tokens outright.
            jwt = SignedJWT.parse(token);
        } catch (java.text.ParseException e) {
            throw new InvalidToken("malformed", "not a signed JWT: " + e.getMessage());
        }
        if (jwt.getHeader().getKeyID() == null || jwt.getHeader().getKeyID().isBlank()) {
            throw new InvalidToken("no_kid", "token header has no kid");
        }
        try {
            return new Verified(processor.process(jwt, null), jwt.getPayload().toJSONObject());
        } catch (Exception e) {
            throw new InvalidToken(TokenRejections.reasonFor(e), e.getMessage());
        }
    }
}
