package dev.dxcp.testsupport.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Set;

/**
 * The checks of governance §1 built from stock Nimbus parts, as DXCP's resource server will be:
 * RS256 only, kid required, key from the JWKS over HTTP, exact iss, aud containing ours, exp required.
 */
final class GovernanceVerifier {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    GovernanceVerifier(String issuer, String audience, String jwksUrl) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(URI.create(jwksUrl).toURL()).retrying(false).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp")));
    }

    static GovernanceVerifier forIssuer(TestIdentityProvider idp) {
        return new GovernanceVerifier(idp.issuer(), idp.audience(), idp.jwksUrl());
    }

    JWTClaimsSet verify(String token) throws ParseException, BadJOSEException, JOSEException {
        JWT jwt = JWTParser.parse(token);
        // Nimbus would try every RS256 key for a kid-less header; the contract demands a kid.
        if (jwt instanceof SignedJWT signed && signed.getHeader().getKeyID() == null) {
            throw new BadJOSEException("token header has no kid");
        }
        return processor.process(jwt, null);
    }
}
