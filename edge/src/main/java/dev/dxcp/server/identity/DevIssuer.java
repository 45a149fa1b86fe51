package dev.dxcp.server.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The development token issuer of embedded mode: an RS256 key kept under the data directory (so
 * tokens survive a restart), a JWKS, and minting for the demo CI client and the human roles.
 * Never active when an external OIDC provider is configured.
 */
public class DevIssuer {
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private final RSAKey key;
    private final String issuer;
    private final String audience;
    private final String rolesClaim;

    public DevIssuer(RSAKey key, String issuer, String audience, String rolesClaim) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.rolesClaim = rolesClaim;
    }

    /** Loads the key from {@code dir}, creating it on first start. */
    public static RSAKey loadOrCreateKey(Path dir) {
        Path file = dir.resolve("dev-issuer-key.json");
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey created = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("dev-" + UUID.randomUUID().toString().substring(0, 8)).generate();
            Files.createDirectories(dir);
            Files.writeString(file, created.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Non-POSIX file systems keep their default permissions.
            }
            return created;
        } catch (IOException | JOSEException | java.text.ParseException e) {
            throw new IllegalStateException("Cannot load or create the development issuer key in " + dir, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** A client-credentials token shaped like a typical CI identity (governance §3). */
    public String clientToken(String clientId, String roleClaimValue) {
        return sign(new JWTClaimsSet.Builder().subject(clientId + "@clients").claim("azp", clientId)
                .claim(rolesClaim, List.of(roleClaimValue)));
    }

    public String humanToken(String subject, String email, String roleClaimValue) {
        return sign(new JWTClaimsSet.Builder().subject(subject).claim("email", email)
                .claim(rolesClaim, List.of(roleClaimValue)));
    }

    private String sign(JWTClaimsSet.Builder claims) {
        Instant now = Instant.now();
        JWTClaimsSet set = claims.issuer(issuer).audience(audience).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME))).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), set);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Development issuer could not sign a token", e);
        }
        return jwt.serialize();
    }
}
