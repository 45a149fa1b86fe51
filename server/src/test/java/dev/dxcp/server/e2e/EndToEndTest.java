package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.server.DxcpServerApplication;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the end-to-end tests: one running DXCP server (real HTTP on a random port) on PostgreSQL,
 * with an external OIDC issuer and an S3 server. Subclasses share the server; each test uses its own
 * service versions, keys and CI identities, so tests never depend on each other's data.
 */
@SpringBootTest(classes = DxcpServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EndToEndTest {
    protected static final DxcpTestEnvironment env = DxcpTestEnvironment.get();
    /** Every e2e CI client id starts with this; the baseline allowlist admits them by subject prefix. */
    protected static final String CI_PREFIX = "e2e-ci-";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static volatile boolean baselineApplied;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void dxcpSettings(DynamicPropertyRegistry registry) {
        env.register(registry);
    }

    @BeforeEach
    void applyBaselineSettings() {
        if (!baselineApplied) {
            restoreBaseline();
            baselineApplied = true;
        }
    }

    /** Generous limits and an allowlist for every e2e CI client; tests that change settings call this after. */
    protected void restoreBaseline() {
        // The kill switch first: it is the one write it never blocks.
        Response killSwitch = put("/v1/admin/system/mutations-disabled", freshAdmin(), Map.of("mutations_disabled", false));
        assertThat(killSwitch.status()).as(killSwitch.body()).isEqualTo(200);
        Response limits = put("/v1/admin/system/rate-limits", freshAdmin(), Map.of("read_rpm", 5000, "mutate_rpm", 5000, "daily_quota_build_register", 5000));
        assertThat(limits.status()).as(limits.body()).isEqualTo(200);
        Response publishers = put("/v1/admin/system/ci-publishers", freshAdmin(), Map.of("publishers", List.of(
                Map.of("name", "e2e-ci", "provider", "custom", "subject_prefixes", List.of(CI_PREFIX)))),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(publishers.status()).as(publishers.body()).isEqualTo(200);
        // A new installation limits changes to group owners; the tests that predate it deploy as any owner.
        Response scoped = put("/v1/admin/system/owner-scoped-changes", freshAdmin(), Map.of("owner_scoped_changes",
                false));
        assertThat(scoped.status()).as(scoped.body()).isEqualTo(200);
    }

    /** An admin identity no request has used yet: the previous test may have exhausted per-actor limits. */
    protected String freshAdmin() {
        return env.identity.token().sub("admin-" + UUID.randomUUID()).roles("dxcp-platform-admins").sign();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected Response get(String path, String token, String... headers) {
        return validated("GET", path, TestHttp.get(url(path), token, headers));
    }

    protected Response post(String path, String token, Object body, String... headers) {
        return validated("POST", path, TestHttp.post(url(path), token, body, headers));
    }

    protected Response put(String path, String token, Object body, String... headers) {
        return validated("PUT", path, TestHttp.put(url(path), token, body, headers));
    }

    protected Response send(String method, String path, String token, Object body, String... headers) {
        return validated(method, path, TestHttp.send(method, url(path), token, body, headers));
    }

    /** Every answer an end-to-end test receives must match the API document the server serves. */
    private Response validated(String method, String path, Response response) {
        ContractValidator.check(method, url(path), response);
        return response;
    }

    protected String admin() {
        return env.identity.adminToken();
    }

    /** A client-credentials CI token whose subject the baseline allowlist admits. */
    protected String ci(String name) {
        return env.identity.ciToken(CI_PREFIX + name);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A version no other test uses, e.g. 3.17.5123. */
    protected static String uniqueVersion() {
        return "3." + SEQUENCE.incrementAndGet() + "." + (System.nanoTime() % 1_000_000);
    }

    /** A complete registration body for an artifact that exists in the store. */
    protected Map<String, Object> buildBody(String service, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("version", version);
        body.put("artifactRef", env.publish(service, version));
        body.put("git_sha", "0123456789abcdef0123456789abcdef01234567");
        body.put("git_branch", "main");
        body.put("ci_provider", "github");
        body.put("ci_run_id", "run-" + version);
        body.put("built_at", "2026-03-01T10:15:30Z");
        return body;
    }

    protected Response register(String token, String key, Object body) {
        return post("/v1/builds/register", token, body, "Idempotency-Key", key);
    }

    /** Number of events of a payload type in the event store. */
    protected int eventsOfType(String payloadTypeSuffix) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE ?", Integer.class,
                "%" + payloadTypeSuffix);
        return count == null ? 0 : count;
    }

    protected static JsonNode json(Response response) {
        return response.json();
    }

    protected static void assertError(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.path("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(body.path("error_code").asText()).isEqualTo(code);
        assertThat(body.path("request_id").asText()).isNotBlank()
                .isEqualTo(response.header("X-Request-Id").orElse(null));
        assertThat(body.has("failure_cause")).isTrue();
        assertThat(body.path("message").asText()).isNotBlank();
    }
}
