package dev.dxcp.server.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.dxcp.testsupport.jwt.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verified-token cache (decision 151) over real RS256 tokens and the issuer's JWKS over HTTP. The key
 * source here fetches the JWKS on every call, so each lookup is a "JWKS refresh".
 */
class VerifiedTokensTest {
    private static TestIdentityProvider identity;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final InstantSource clock = now::get;
    private final CountingVerifier verifier = new CountingVerifier(freshKeys(), clock);

    @BeforeAll
    static void startIssuer() {
        identity = TestIdentityProvider.start();
    }

    @AfterAll
    static void stopIssuer() {
        identity.close();
    }

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainUntilItsExp() throws InvalidToken {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 100);
        String token = tenMinuteToken("cached");

        assertThat(tokens.verify(token).claims().getSubject()).isEqualTo("cached");
        assertThat(tokens.verify(token).claims().getSubject()).isEqualTo("cached");
        assertThat(verifier.checks.get()).isEqualTo(1);

        now.set(now.get().plusSeconds(600));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidToken.class);
        assertThat(verifier.checks.get()).as("past exp the token is verified again, and fails").isEqualTo(2);
    }

    @Test
    void aCachedTokenStopsWorkingOnceItsKeyIsRemovedFromTheJwks() throws InvalidToken {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 100);
        String token = tenMinuteToken("rotated");
        tokens.verify(token);

        identity.rotateKey();
        tokens.verify(token);
        assertThat(verifier.checks.get()).as("the old key is still published: the cache answers").isEqualTo(1);

        identity.retireOldKeys();
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidToken.class);
    }

    @Test
    void aTokenWithAnAlteredSignatureIsNeverAnsweredFromTheCache() throws InvalidToken {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 100);
        String token = tenMinuteToken("forged");
        tokens.verify(token);

        String tampered = token.substring(0, token.length() - 4)
                + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> tokens.verify(tampered)).isInstanceOf(InvalidToken.class);
    }

    @Test
    void theCacheHoldsAtMostItsCapacity() throws InvalidToken {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 3);
        for (int i = 0; i < 10; i++) {
            tokens.verify(tenMinuteToken("many-" + i));
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }

    private String tenMinuteToken(String subject) {
        return identity.token().sub(subject).issuedAt(clock.instant()).expiresAt(clock.instant().plusSeconds(600))
                .sign();
    }

    private static JWKSource<SecurityContext> freshKeys() {
        return (selector, context) -> {
            try {
                return selector.select(JWKSet.load(URI.create(identity.jwksUrl()).toURL()));
            } catch (Exception e) {
                throw new com.nimbusds.jose.KeySourceException(e.getMessage(), e);
            }
        };
    }

    /** The real verifier, counting how often a token is actually verified. */
    private static final class CountingVerifier extends TokenVerifier {
        final AtomicInteger checks = new AtomicInteger();

        CountingVerifier(JWKSource<SecurityContext> keys, InstantSource clock) {
            super(keys, identity.issuer(), identity.audience(), Duration.ZERO, clock);
        }

        @Override
        public Checked check(String token) throws InvalidToken {
            checks.incrementAndGet();
            return super.check(token);
        }
    }
}
