package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.server.DxcpServerApplication;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default (H2) rebuilds too: H2 commits at the first DDL statement of the switch, so this
 * proves the generation flip, the view replacement and the batched history writes work there as well,
 * and that the audit's generations work on H2 while its chain stays as the live processor wrote it.
 */
@SpringBootTest(classes = DxcpServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpsEmbeddedRebuildEndToEndTest {
    private static final Path DATA_DIR = temporaryDirectory();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("DXCP_DATA_DIR", DATA_DIR::toString);
        registry.add("DXCP_SIMULATOR_STAGE_DELAY", () -> "20ms");
    }

    @Test
    void anEmbeddedServerRebuildsItsReadModelsWithIdenticalAnswers() {
        String admin = TestHttp.post(url("/dev-idp/token/admin"), null, null).json().path("access_token").asText();
        String ci = TestHttp.post(url("/dev-idp/oauth/token"), null, Map.of("grant_type", "client_credentials",
                "client_id", "demo-ci", "client_secret", "demo-ci-secret")).json().path("access_token").asText();
        assertThat(TestHttp.put(url("/v1/admin/system/ci-publishers"), admin,
                Map.of("publishers", List.of(Map.of("name", "demo-ci", "subjects", List.of("demo-ci@clients")))),
                "Idempotency-Key", "ops-allowlist").status()).isEqualTo(200);
        Response build = TestHttp.post(url("/v1/builds/register"), ci, Map.of("service", "demo-service",
                "version", "1.2.0", "artifactRef", "s3://dxcp-artifacts/demo-service/demo-service-1.2.0.zip",
                "git_sha", "abc123", "git_branch", "main", "ci_provider", "github", "ci_run_id", "7",
                "built_at", "2026-02-27T00:00:00Z"), "Idempotency-Key", "ops-build");
        assertThat(build.status()).as(build.body()).isEqualTo(201);
        Response deployed = TestHttp.post(url("/v1/deployments"), admin, Map.of("service", "demo-service",
                "environment", "sandbox", "version", "1.2.0", "changeSummary", "embedded rebuild"),
                "Idempotency-Key", "ops-deploy");
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
        String id = deployed.json().path("id").asText();
        awaitState(admin, id, "SUCCEEDED");
        String history = TestHttp.get(url("/v1/deployments?service=demo-service"), admin).body();
        String record = TestHttp.get(url("/v1/deployments/" + id), admin).body();
        String builds = TestHttp.get(url("/v1/builds?service=demo-service&version=1.2.0"), admin).body();
        String audit = TestHttp.get(url("/v1/audit/events?limit=500"), admin).body();
        assertThat(audit).contains("DEPLOY_SUBMIT").contains("ADMIN_CONFIG_CHANGE");
        List<Map<String, Object>> chain = jdbc.queryForList("SELECT * FROM audit_chain ORDER BY link");
        assertThat(chain).isNotEmpty();

        assertThat(TestHttp.post(url("/v1/admin/projections/rebuild"), admin, null).status()).isEqualTo(202);
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode list = null;
        while (System.currentTimeMillis() < deadline) {
            list = TestHttp.get(url("/v1/admin/projections"), admin).json();
            if (list.path("projections").findValuesAsText("status").stream().allMatch("completed"::equals)
                    && list.path("projections").findValuesAsText("status").size() == 3) {
                break;
            }
            pause();
        }
        assertThat(list.path("projections").findValuesAsText("status")).containsOnly("completed");
        assertThat(jdbc.queryForList("SELECT active FROM rm_generation ORDER BY projection", Integer.class))
                .containsExactly(2, 2, 2);
        assertThat(TestHttp.get(url("/v1/deployments?service=demo-service"), admin).body()).isEqualTo(history);
        assertThat(TestHttp.get(url("/v1/deployments/" + id), admin).body()).isEqualTo(record);
        assertThat(TestHttp.get(url("/v1/builds?service=demo-service&version=1.2.0"), admin).body()).isEqualTo(builds);
        assertThat(TestHttp.get(url("/v1/audit/events?limit=500"), admin).body()).isEqualTo(audit);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_deployment_g1", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event_g1", Integer.class)).isZero();
        // The rebuild's own events are linked after; every link from before is there as it was.
        assertThat(jdbc.queryForList("SELECT * FROM audit_chain ORDER BY link").subList(0, chain.size()))
                .isEqualTo(chain);
        assertThat(TestHttp.get(url("/v1/admin/audit/verify"), admin).json().path("verified").asBoolean()).isTrue();
    }

    private void awaitState(String token, String id, String state) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (TestHttp.get(url("/v1/deployments/" + id), token).json().path("state").asText().equals(state)) {
                return;
            }
            pause();
        }
        throw new AssertionError(id + " never reached " + state);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("dxcp-ops-embedded");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
