package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The CI publisher allowlist: admin-managed, applied at once, audited with old and new value (governance §3, §14). */
class CiPublishersAdminEndToEndTest extends EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void restore() {
        restoreBaseline();
    }

    @Test
    void onlyPlatformAdminsReadOrChangeTheAllowlist() {
        for (String token : List.of(env.identity.ownerToken("o@example.com"), env.identity.observerToken(),
                ci("admin-probe"))) {
            assertError(get("/v1/admin/system/ci-publishers", token), 403, "ROLE_FORBIDDEN");
            assertError(put("/v1/admin/system/ci-publishers", token, Map.of("publishers", List.of())), 403,
                    "ROLE_FORBIDDEN");
        }
    }

    @Test
    void writesNeedAnIdempotencyKeyCheckedAfterTheRole() {
        assertError(put("/v1/admin/system/ci-publishers", admin(), Map.of("publishers", List.of())), 400,
                "IDMP_KEY_REQUIRED");
    }

    @Test
    void invalidEntriesAreRefusedWithInvalidRequest() {
        List<Object> bad = List.of(
                Map.of("publishers", "not-a-list"),
                Map.of("publishers", List.of(Map.of("provider", "github"))),
                Map.of("publishers", List.of(Map.of("name", "a", "provider", "travis"))),
                Map.of("publishers", List.of(Map.of("name", "a"), Map.of("name", " a "))),
                Map.of("publishers", List.of(Map.of("name", "a", "subjects", "x"))));
        for (Object body : bad) {
            assertError(put("/v1/admin/system/ci-publishers", admin(), body, "Idempotency-Key", "bad"), 400,
                    "INVALID_REQUEST");
        }
    }

    @Test
    void theMostConstrainedMatchingEntryNamesThePublisherAndChangesApplyAtOnce() {
        String client = CI_PREFIX + "gh-" + UUID.randomUUID().toString().substring(0, 6);
        Response saved = put("/v1/admin/system/ci-publishers", admin(), Map.of("publishers", List.of(
                Map.of("name", "z-broad", "subject_prefixes", List.of(CI_PREFIX)),
                Map.of("name", "github-main", "provider", "github", "issuers", List.of(env.identity.issuer()),
                        "authorized_party_azp", List.of(client), "subjects", List.of(" " + client + "@clients ", ""),
                        "description", "Main repo CI \"quoted\""),
                Map.of("name", "a-other", "emails", List.of("nobody@example.com")))),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("source").asText()).isEqualTo("persisted");
        JsonNode entry = saved.json().path("publishers").get(1);
        assertThat(entry.path("subjects").toString()).isEqualTo("[\"" + client + "@clients\"]");
        assertThat(entry.has("emails")).isFalse();

        Response registered = register(env.identity.ciToken(client), UUID.randomUUID().toString(),
                buildBody("e2e-svc-7", uniqueVersion()));
        assertThat(registered.json().path("ci_publisher").asText()).isEqualTo("github-main");
        Response broad = register(ci("someone-else"), UUID.randomUUID().toString(),
                buildBody("e2e-svc-7", uniqueVersion()));
        assertThat(broad.json().path("ci_publisher").asText()).isEqualTo("z-broad");

        put("/v1/admin/system/ci-publishers", admin(), Map.of("publishers", List.of()),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertError(register(env.identity.ciToken(client), UUID.randomUUID().toString(),
                buildBody("e2e-svc-7", uniqueVersion())), 403, "CI_ONLY");
    }

    @Test
    void everyChangeIsAnEventWithOldAndNewValueActorAndRequestId() throws Exception {
        String requestId = "audit-" + UUID.randomUUID();
        Response response = put("/v1/admin/system/ci-publishers", admin(), Map.of("publishers",
                List.of(Map.of("name", "audited", "subjects", List.of("x@clients")))),
                "Idempotency-Key", UUID.randomUUID().toString(), "X-Request-Id", requestId);
        assertThat(response.status()).isEqualTo(200);

        Map<String, Object> row = jdbc.queryForMap("SELECT payload, metadata FROM domainevententry "
                + "WHERE payloadtype LIKE '%CiPublishersReplaced' ORDER BY globalindex DESC LIMIT 1");
        JsonNode payload = JSON.readTree(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8));
        JsonNode metadata = JSON.readTree(new String((byte[]) row.get("metadata"), StandardCharsets.UTF_8));
        assertThat(payload.path("oldValue").findValuesAsText("name")).contains("e2e-ci");
        assertThat(payload.path("newValue").findValuesAsText("name")).containsExactly("audited");
        assertThat(metadata.path("request_id").asText()).isEqualTo(requestId);
        assertThat(metadata.path("actor_id").asText()).isEqualTo("admin@dxcp.example");
        assertThat(metadata.path("actor_role").asText()).isEqualTo("PLATFORM_ADMIN");
        assertThat(metadata.path("idempotency_key").asText()).isNotBlank();
    }
}
