package dev.dxcp.testsupport.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints one token. Defaults give a token DXCP must accept (RS256, active kid, issuer, audience,
 * iat, exp = now + 1h); each hostile method breaks exactly one rule of governance §1 so a test can
 * prove that rule is enforced.
 */
public final class TokenBuilder {

    public static final String DEFAULT_ROLES_CLAIM = "https://dxcp.example/claims/roles";
    public static final String DEFAULT_EMAIL_CLAIM = "https://dxcp.example/claims/email";
    static final String WRONG_ISSUER = "https://wrong-issuer.example/";
    static final String WRONG_AUDIENCE = "https://not-dxcp.example/api";

    private enum Signing { ACTIVE_KEY, NONE, HS256_WITH_PUBLIC_KEY, UNPUBLISHED_KEY }

    private final SigningKeys keys;
    private String issuer;
    private List<String> audience;
    private String subject;
    private String email;
    private String azp;
    private String customEmail;
    private String customEmailClaim = DEFAULT_EMAIL_CLAIM;
    private List<String> roles;
    private String rolesClaim = DEFAULT_ROLES_CLAIM;
    private boolean rolesAsString;
    private Instant issuedAt;
    private Duration expiresIn = Duration.ofHours(1);
    private Instant expiresAt;
    private Instant notBefore;
    private final Map<String, Object> extraClaims = new LinkedHashMap<>();
    private Signing signing = Signing.ACTIVE_KEY;
    private String kidOverride;
    private String type = JOSEObjectType.JWT.getType();
    private boolean omitKid;
    private boolean tamper;

    TokenBuilder(SigningKeys keys, String issuer, String audience) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = List.of(audience);
    }

    public TokenBuilder sub(String subject) {
        this.subject = subject;
        return this;
    }

    /** The standard {@code email} claim. */
    public TokenBuilder email(String email) {
        this.email = email;
        return this;
    }

    /** The custom email claim (name {@link #DEFAULT_EMAIL_CLAIM} unless changed). */
    public TokenBuilder customEmail(String value) {
        this.customEmail = value;
        return this;
    }

    public TokenBuilder customEmailClaim(String claimName) {
        this.customEmailClaim = claimName;
        return this;
    }

    public TokenBuilder roles(String... roles) {
        this.roles = List.of(roles);
        return this;
    }

    public TokenBuilder roles(List<String> roles) {
        this.roles = List.copyOf(roles);
        return this;
    }

    public TokenBuilder rolesClaim(String claimName) {
        this.rolesClaim = claimName;
        return this;
    }

    public TokenBuilder azp(String authorizedParty) {
        this.azp = authorizedParty;
        return this;
    }

    public TokenBuilder aud(String... audiences) {
        this.audience = List.of(audiences);
        return this;
    }

    public TokenBuilder aud(List<String> audiences) {
        this.audience = List.copyOf(audiences);
        return this;
    }

    public TokenBuilder iss(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public TokenBuilder issuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
        return this;
    }

    public TokenBuilder expiresIn(Duration lifetime) {
        this.expiresIn = lifetime;
        this.expiresAt = null;
        return this;
    }

    public TokenBuilder expiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public TokenBuilder notBefore(Instant notBefore) {
        this.notBefore = notBefore;
        return this;
    }

    /** Any other claim; applied last, so it can override a default. A null value removes the claim. */
    public TokenBuilder claim(String name, Object value) {
        extraClaims.put(name, value);
        return this;
    }

    /** Header kid to use instead of the active key's (the token is still signed by the active key). */
    public TokenBuilder kid(String kid) {
        this.kidOverride = kid;
        return this;
    }

    /** Header typ instead of "JWT" (anything, a line break included: it is signed as given). */
    public TokenBuilder type(String type) {
        this.type = type;
        return this;
    }

    // ---- hostile variants: each breaks one rule ----

    /** Unsecured JWT: {@code alg: none}, empty signature. */
    public TokenBuilder algNone() {
        this.signing = Signing.NONE;
        return this;
    }

    /**
     * Algorithm confusion: HS256 keyed with the issuer's public key (PEM text, see
     * {@link TestIdentityProvider#activePublicKeyPem()}), header kid = the active kid. A verifier
     * that lets the token choose the algorithm would accept it.
     */
    public TokenBuilder hs256SignedWithPublicKey() {
        this.signing = Signing.HS256_WITH_PUBLIC_KEY;
        return this;
    }

    /** Correctly signed, but the header names a kid the JWKS does not contain. */
    public TokenBuilder unknownKid() {
        this.kidOverride = "unknown-" + UUID.randomUUID().toString().substring(0, 8);
        return this;
    }

    /** Correctly signed by the active key, but the header has no kid. */
    public TokenBuilder noKid() {
        this.omitKid = true;
        return this;
    }

    /** Expired ten minutes ago: well past any clock-skew allowance. */
    public TokenBuilder expired() {
        Instant now = Instant.now();
        this.issuedAt = now.minus(Duration.ofHours(1));
        this.expiresAt = now.minus(Duration.ofMinutes(10));
        return this;
    }

    /** {@code nbf} an hour in the future. */
    public TokenBuilder notYetValid() {
        this.notBefore = Instant.now().plus(Duration.ofHours(1));
        return this;
    }

    /** {@code iat} an hour in the future, well past any clock-skew allowance (exp an hour after that). */
    public TokenBuilder issuedInTheFuture() {
        this.issuedAt = Instant.now().plus(Duration.ofHours(1));
        return this;
    }

    public TokenBuilder wrongIssuer() {
        this.issuer = WRONG_ISSUER;
        return this;
    }

    public TokenBuilder wrongAudience() {
        this.audience = List.of(WRONG_AUDIENCE);
        return this;
    }

    /**
     * A genuine signature over the claims as built, attached to a different payload: the same
     * claims with the roles claim raised to platform admin and the subject changed.
     */
    public TokenBuilder tamperedPayload() {
        this.tamper = true;
        return this;
    }

    /** Signed by a key that is not in the JWKS, while the header names the active kid. */
    public TokenBuilder signedWithUnpublishedKey() {
        this.signing = Signing.UNPUBLISHED_KEY;
        return this;
    }

    /** The roles claim as one string instead of an array (governance: 403 AUTHZ_ROLE_REQUIRED). */
    public TokenBuilder rolesClaimNotArray() {
        this.rolesAsString = true;
        return this;
    }

    /** The claims this builder would sign, for assertions. */
    public JWTClaimsSet claims() {
        Instant iat = issuedAt != null ? issuedAt : Instant.now();
        Instant exp = expiresAt != null ? expiresAt : iat.plus(expiresIn);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("aud", audience.size() == 1 ? audience.get(0) : audience);
        claims.put("azp", azp);
        claims.put("iat", iat.getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        claims.put("nbf", notBefore == null ? null : notBefore.getEpochSecond());
        claims.put("email", email);
        claims.put(customEmailClaim, customEmail);
        claims.put(rolesClaim, rolesClaimValue());
        claims.putAll(extraClaims);
        claims.values().removeIf(java.util.Objects::isNull);
        try {
            return JWTClaimsSet.parse(claims);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("Claims do not form a JWT claims set: " + claims, e);
        }
    }

    private Object rolesClaimValue() {
        if (rolesAsString) {
            return roles == null || roles.isEmpty() ? TestIdentityProvider.ROLE_PLATFORM_ADMINS : String.join(" ", roles);
        }
        return roles;
    }

    /** The compact serialization: header.payload.signature. */
    public String sign() {
        JWTClaimsSet claims = claims();
        try {
            return switch (signing) {
                case NONE -> new PlainJWT(claims).serialize();
                case HS256_WITH_PUBLIC_KEY -> signHs256(claims);
                case UNPUBLISHED_KEY -> signRs256(claims, keys.unpublished(), keys.active().getKeyID());
                case ACTIVE_KEY -> signRs256(claims, keys.active(), keys.active().getKeyID());
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign test token", e);
        }
    }

    private String signRs256(JWTClaimsSet claims, RSAKey key, String activeKid) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.RS256, activeKid), claims);
        jwt.sign(new RSASSASigner(key));
        String compact = jwt.serialize();
        return tamper ? swapPayload(compact, claims) : compact;
    }

    private String signHs256(JWTClaimsSet claims) throws JOSEException {
        byte[] secret = TestIdentityProvider.pem(keys.active()).getBytes(StandardCharsets.US_ASCII);
        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.HS256, keys.active().getKeyID()), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private JWSHeader header(JWSAlgorithm algorithm, String activeKid) {
        String kid = omitKid ? null : (kidOverride != null ? kidOverride : activeKid);
        return new JWSHeader.Builder(algorithm).type(new JOSEObjectType(type)).keyID(kid).build();
    }

    private String swapPayload(String compact, JWTClaimsSet signedClaims) {
        Map<String, Object> forged = new LinkedHashMap<>(signedClaims.toJSONObject());
        forged.put(rolesClaim, new ArrayList<>(Arrays.asList(TestIdentityProvider.ROLE_PLATFORM_ADMINS)));
        // Changing sub as well guarantees the payload differs even when the signed roles were already admin.
        forged.put("sub", signedClaims.getSubject() + "-forged");
        String payload;
        try {
            payload = Base64URL.encode(JWTClaimsSet.parse(forged).toString()).toString();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        String[] parts = compact.split("\\.");
        return parts[0] + "." + payload + "." + parts[2];
    }
}
