package dev.dxcp.server.e2e;

import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import dev.dxcp.testsupport.jwt.TokenBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability: every forged, stale or misdirected token is refused on every endpoint exactly as
 * governance §1 says — 401 UNAUTHORIZED, or 403 AUTHZ_ROLE_REQUIRED for a roles claim of the wrong type —
 * and nothing it sent changed anything.
 */
class ReliabilityTokenAttacksEndToEndTest extends EndToEndTest {

    private Map<String, String> attacks() {
        Map<String, UnaryOperator<TokenBuilder>> variants = new LinkedHashMap<>();
        variants.put("alg none", TokenBuilder::algNone);
        variants.put("HS256 with the public key", TokenBuilder::hs256SignedWithPublicKey);
        variants.put("expired", TokenBuilder::expired);
        variants.put("not yet valid", TokenBuilder::notYetValid);
        variants.put("issued in the future", TokenBuilder::issuedInTheFuture);
        variants.put("wrong issuer", TokenBuilder::wrongIssuer);
        variants.put("wrong audience", TokenBuilder::wrongAudience);
        variants.put("unknown kid", TokenBuilder::unknownKid);
        variants.put("no kid", TokenBuilder::noKid);
        variants.put("tampered payload", TokenBuilder::tamperedPayload);
        variants.put("unpublished key", TokenBuilder::signedWithUnpublishedKey);
        Map<String, String> tokens = new LinkedHashMap<>();
        variants.forEach((name, variant) -> tokens.put(name,
                variant.apply(env.identity.token().sub("attacker").roles("dxcp-platform-admins", "dxcp-ci-publishers"))
                        .sign()));
        return tokens;
    }

    @Test
    void everyEndpointRefusesEveryForgedToken() {
        // Background work of earlier tests (sagas finishing) may append events meanwhile, so the check is
        // on the request ids this test sent: no event may carry one.
        String marker = "forged-" + UUID.randomUUID();
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (EndpointTable.Row row : EndpointTable.rows(UUID.randomUUID().toString())) {
            for (Map.Entry<String, String> attack : attacks().entrySet()) {
                cells++;
                Response response = TestHttp.send(row.method(), url(row.path()), attack.getValue(), row.body(),
                        "Idempotency-Key", UUID.randomUUID().toString(), "X-Request-Id", marker + "-" + cells);
                if (response.status() != 401 || !response.json().path("code").asText().equals("UNAUTHORIZED")
                        || !response.json().path("request_id").asText().equals(marker + "-" + cells)) {
                    mismatches.add(row.method() + " " + row.path() + " with " + attack.getKey() + " -> "
                            + response.status() + " " + response.body());
                }
            }
            Response wrongType = TestHttp.send(row.method(), url(row.path()),
                    env.identity.token().sub("typed").rolesClaimNotArray().sign(), row.body(),
                    "X-Request-Id", marker + "-" + cells);
            cells++;
            if (wrongType.status() != 403 || !wrongType.json().path("code").asText().equals("AUTHZ_ROLE_REQUIRED")) {
                mismatches.add(row.method() + " " + row.path() + " with a string roles claim -> " + wrongType.status());
            }
        }
        assertThat(mismatches).as("of " + cells + " cells").isEmpty();
        assertThat(eventsCarrying(marker)).as("no event may come from a refused token").isZero();
        assertThat(eventsCarrying("")).as("the request id check can see metadata").isPositive();
    }

    private int eventsCarrying(String requestIdPrefix) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE convert_from(metadata, "
                + "'UTF8') LIKE ?", Integer.class, "%\"request_id\":\"" + requestIdPrefix + "%");
        return count == null ? 0 : count;
    }
}
