package dev.dxcp.server.identity;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens already verified, so that a client sending the same bearer token on every request pays for the
 * RS256 check once (decision 151). Keyed by the token's SHA-256, so the cache never holds a usable token.
 * An entry is used only:
 * <ul>
 *   <li>before the token's {@code exp} (no clock skew is granted from the cache: past {@code exp} the
 *       token is verified again, skew included);</li>
 *   <li>while the key set the server holds now still has the same key(s) under the token's {@code kid}. The
 *       key set is the verifier's own cached JWKS, so a key removed from the issuer's JWKS stops every
 *       cached token it signed at the next JWKS refresh — exactly when it stops new ones.</li>
 * </ul>
 * Bounded: at {@code capacity} entries, expired ones are dropped first, then arbitrary ones (a dropped
 * token is simply verified again).
 */
public class VerifiedTokens {
    private final TokenVerifier verifier;
    private final JWKSource<SecurityContext> keys;
    private final InstantSource clock;
    private final int capacity;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public VerifiedTokens(TokenVerifier verifier, InstantSource clock, int capacity) {
        this.verifier = verifier;
        this.keys = verifier.keys();
        this.clock = clock;
        this.capacity = capacity;
    }

    public TokenVerifier.Verified verify(String token) throws InvalidToken {
        String hash = sha256(token);
        Entry cached = entries.get(hash);
        if (cached != null) {
            if (cached.usable(clock.instant(), keys)) {
                return cached.verified();
            }
            entries.remove(hash, cached);
        }
        TokenVerifier.Checked checked = verifier.check(token);
        if (checked.verified().claims().getExpirationTime() != null) {
            remember(hash, new Entry(checked.verified(), checked.matcher(), checked.keys(),
                    checked.verified().claims().getExpirationTime().toInstant()));
        }
        return checked.verified();
    }

    int size() {
        return entries.size();
    }

    private void remember(String hash, Entry entry) {
        if (entries.size() >= capacity) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
            Iterator<String> any = entries.keySet().iterator();
            while (entries.size() >= capacity && any.hasNext()) {
                any.next();
                any.remove();
            }
        }
        entries.put(hash, entry);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param signingKeys the keys the token's header selected when it was verified */
    private record Entry(TokenVerifier.Verified verified, JWKMatcher matcher, List<JWK> signingKeys,
                         Instant expires) {
        boolean usable(Instant now, JWKSource<SecurityContext> keys) {
            if (!now.isBefore(expires)) {
                return false;
            }
            try {
                return signingKeys.equals(keys.get(new JWKSelector(matcher), null));
            } catch (KeySourceException e) {
                return false;
            }
        }
    }
}
