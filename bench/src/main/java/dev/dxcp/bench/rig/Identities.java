package dev.dxcp.bench.rig;

import dev.dxcp.testsupport.jwt.TestIdentityProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Real RS256 tokens from test-support's issuer, which serves its JWKS over HTTP; the server verifies
 * them as it would in production. Rate limits and the build quota count per actor (governance §7), so
 * the load is spread over many actors: each load worker uses its own disjoint set of them.
 */
public final class Identities implements AutoCloseable {
    /** Long enough for a full run, so no token expires mid-phase. */
    private static final Duration LIFETIME = Duration.ofHours(3);
    public static final String CI_PUBLISHER_NAME = "bench-ci";

    private final TestIdentityProvider issuer;
    private final String admin;
    private final List<String> ciSubjects = new ArrayList<>();
    private final List<String> ciTokens = new ArrayList<>();
    private final List<String> ownerTokens = new ArrayList<>();
    private final List<String> observerTokens = new ArrayList<>();

    private Identities(TestIdentityProvider issuer, int ciPublishers, int owners, int observers) {
        this.issuer = issuer;
        this.admin = issuer.token().sub(TestIdentityProvider.ADMIN_EMAIL).email(TestIdentityProvider.ADMIN_EMAIL)
                .roles(TestIdentityProvider.ROLE_PLATFORM_ADMINS).expiresIn(LIFETIME).sign();
        for (int i = 0; i < ciPublishers; i++) {
            String client = name("bench-ci-", i);
            String subject = client + "@clients";
            ciSubjects.add(subject);
            ciTokens.add(issuer.token().sub(subject).azp(client).roles(TestIdentityProvider.ROLE_CI_PUBLISHERS)
                    .expiresIn(LIFETIME).sign());
        }
        for (int i = 0; i < owners; i++) {
            String email = name("owner-", i) + "@bench.example";
            ownerTokens.add(issuer.token().sub(email).email(email).roles(TestIdentityProvider.ROLE_DELIVERY_OWNERS)
                    .expiresIn(LIFETIME).sign());
        }
        for (int i = 0; i < observers; i++) {
            String email = name("observer-", i) + "@bench.example";
            observerTokens.add(issuer.token().sub(email).email(email).roles(TestIdentityProvider.ROLE_OBSERVERS)
                    .expiresIn(LIFETIME).sign());
        }
    }

    public static Identities start(int ciPublishers, int owners, int observers) {
        return new Identities(TestIdentityProvider.start(), ciPublishers, owners, observers);
    }

    private static String name(String prefix, int i) {
        return prefix + String.format(Locale.ROOT, "%03d", i + 1);
    }

    /** DXCP_OIDC_* settings that make the server trust this issuer (and turn its development issuer off). */
    public Map<String, String> serverSettings() {
        return Map.of("DXCP_OIDC_ISSUER", issuer.issuer(), "DXCP_OIDC_AUDIENCE", issuer.audience(),
                "DXCP_OIDC_JWKS_URL", issuer.jwksUrl());
    }

    public String admin() {
        return admin;
    }

    /**
     * The bootstrap CI allowlist (DXCP_CI_PUBLISHERS): one publisher listing every benchmark CI subject,
     * as an organisation's CI would be allowlisted subject by subject.
     */
    public String ciPublishersJson() {
        StringBuilder subjects = new StringBuilder();
        for (String subject : ciSubjects) {
            subjects.append(subjects.length() == 0 ? "" : ",").append('"').append(subject).append('"');
        }
        return "[{\"name\":\"" + CI_PUBLISHER_NAME + "\",\"provider\":\"custom\",\"subjects\":[" + subjects + "]}]";
    }

    /**
     * The token worker {@code worker} of {@code workers} uses for its {@code n}-th request: worker w only
     * ever uses actors w, w + workers, w + 2·workers, …, so no two workers race on one actor's quota.
     */
    public String ci(int worker, int workers, long n) {
        return pick(ciTokens, worker, workers, n);
    }

    public String owner(int worker, int workers, long n) {
        return pick(ownerTokens, worker, workers, n);
    }

    public String observer(int worker, int workers, long n) {
        return pick(observerTokens, worker, workers, n);
    }

    public int ciCount() {
        return ciTokens.size();
    }

    public int ownerCount() {
        return ownerTokens.size();
    }

    public int observerCount() {
        return observerTokens.size();
    }

    static String pick(List<String> tokens, int worker, int workers, long n) {
        int perWorker = Math.max(1, tokens.size() / workers);
        int index = (int) ((worker % tokens.size()) + workers * (n % perWorker)) % tokens.size();
        return tokens.get(index);
    }

    @Override
    public void close() {
        issuer.close();
    }
}
