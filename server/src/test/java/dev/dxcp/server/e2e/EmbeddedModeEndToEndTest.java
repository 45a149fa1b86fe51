package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.server.DxcpServerApplication;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server with no configuration but its data directory, as a new user starts it: an embedded file
 * database, the development token issuer, an embedded S3 store with demo artifacts and the demo data of
 * first start. Walks the README's first steps. The data directory is given relative to the working
 * directory, spelled with "." and ".." (H2 and the embedded S3 server each refused such paths once); the
 * packaged jar with the default {@code ./data} is NewcomerIT's.
 */
@SpringBootTest(classes = DxcpServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedModeEndToEndTest {
    private static final Path DATA_DIR = temporaryDirectory();
    /** DATA_DIR as a relative path with a "." and a ".." component, as DXCP_DATA_DIR may be given. */
    private static final String RELATIVE_DATA_DIR = "./" + Path.of("").toAbsolutePath().relativize(DATA_DIR.getParent())
            .resolve("unused/..").resolve(DATA_DIR.getFileName());

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void onlyADataDirectory(DynamicPropertyRegistry registry) {
        registry.add("DXCP_DATA_DIR", () -> RELATIVE_DATA_DIR);
    }

    @Test
    void aNewUserRegistersAndReadsBackADemoBuildWithTheDevelopmentIssuer() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:file:");
        }
        assertThat(Path.of(RELATIVE_DATA_DIR).isAbsolute()).isFalse();
        assertThat(Files.exists(DATA_DIR.resolve("dxcp.mv.db"))).isTrue();
        assertThat(DATA_DIR.resolve("dev-issuer")).isDirectory();
        assertThat(DATA_DIR.resolve("s3").resolve("dxcp-artifacts").resolve("demo-service")).isDirectory();

        String ci = formToken("grant_type=client_credentials&client_id=demo-ci&client_secret=demo-ci-secret");
        String admin = TestHttp.post(url("/dev-idp/token/admin"), null, null).json().path("access_token").asText();
        JsonNode whoami = TestHttp.get(url("/v1/whoami"), ci).json();
        assertThat(whoami.path("sub").asText()).isEqualTo("demo-ci@clients");
        assertThat(whoami.path("azp").asText()).isEqualTo("demo-ci");

        Map<String, Object> build = Map.of("service", "demo-service", "version", "1.2.0",
                "artifactRef", "s3://dxcp-artifacts/demo-service/demo-service-1.2.0.zip",
                "git_sha", "abc123", "git_branch", "main", "ci_provider", "github", "ci_run_id", "1",
                "built_at", "2026-02-27T00:00:00Z");
        assertThat(register(ci, "first-build", build).status()).isEqualTo(403);

        Response allowlisted = TestHttp.put(url("/v1/admin/system/ci-publishers"), admin,
                Map.of("publishers", List.of(Map.of("name", "demo-ci", "subjects", List.of("demo-ci@clients")))),
                "Idempotency-Key", "allowlist-1");
        assertThat(allowlisted.status()).as(allowlisted.body()).isEqualTo(200);

        Response created = register(ci, "first-build", build);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("ci_publisher").asText()).isEqualTo("demo-ci");
        Response replay = register(ci, "first-build", build);
        assertThat(replay.header("Idempotency-Replayed")).contains("true");
        Map<String, Object> other = new java.util.HashMap<>(build);
        other.put("git_sha", "def456");
        assertThat(register(ci, "first-build", other).json().path("code").asText())
                .isEqualTo("BUILD_REGISTRATION_CONFLICT");

        Response read = TestHttp.get(url("/v1/builds?service=demo-service&version=1.2.0"), admin);
        assertThat(read.body()).isEqualTo(created.body());
        JsonNode versions = TestHttp.get(url("/v1/services/demo-service/versions"), admin).json();
        assertThat(versions.path("source").asText()).isEqualTo("cache");
        assertThat(versions.path("versions").findValuesAsText("version")).containsExactly("1.2.0", "1.1.0", "1.0.0");
        JsonNode scanned = TestHttp.get(url("/v1/services/demo-service/versions?refresh=1"), admin).json();
        assertThat(scanned.path("versions").findValuesAsText("version")).containsExactly("1.2.0", "1.1.0", "1.0.0");
    }

    @Test
    void embeddedModeListensOnLoopbackOnlyWhenNoAddressIsGiven() {
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(LocalAddresses.accepts(InetAddress.getLoopbackAddress(), port)).isTrue();
        InetAddress external = LocalAddresses.nonLoopback().orElse(null);
        assumeTrue(external != null, "this machine has no non-loopback address to call through");
        assertThat(LocalAddresses.accepts(external, port)).as("connection through " + external).isFalse();
    }

    @Test
    void theDemoDataOfFirstStartLetsTheDevelopmentOwnerDeployDemoService110AndRollItBack() throws InterruptedException {
        String owner = TestHttp.post(url("/dev-idp/token/owner"), null, null).json().path("access_token").asText();
        JsonNode group = TestHttp.get(url("/v1/delivery-groups/default"), owner).json();
        assertThat(group.path("owner").asText()).contains("owner@dxcp.local");
        JsonNode build = TestHttp.get(url("/v1/builds?service=demo-service&version=1.1.0"), owner).json();
        assertThat(build.path("ci_publisher").asText()).isEqualTo("dxcp-demo-data");
        assertThat(build.path("sha256").asText()).hasSize(64);
        JsonNode running = TestHttp.get(url("/v1/services/demo-service/running?environment=sandbox"), owner).json();
        assertThat(running.path("version").asText()).isEqualTo("1.0.0");

        Response deployed = TestHttp.post(url("/v1/deployments"), owner, Map.of("service", "demo-service",
                "environment", "sandbox", "version", "1.1.0", "changeSummary", "newcomer"), "Idempotency-Key", "newcomer-1");
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
        String id = deployed.json().path("id").asText();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!TestHttp.get(url("/v1/deployments/" + id), owner).json().path("state").asText().equals("SUCCEEDED")) {
            assertThat(System.nanoTime()).as("deployment " + id + " succeeds").isLessThan(deadline);
            Thread.sleep(250);
        }
        Response rollback = TestHttp.post(url("/v1/deployments/" + id + "/rollback"), owner, null, "Idempotency-Key", "newcomer-rb");
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(201);
        assertThat(rollback.json().path("version").asText()).isEqualTo("1.0.0");
    }

    @Test
    void withoutAGateUrlTheEngineAdapterIsTheStubFromStartUpConfiguration() {
        String admin = TestHttp.post(url("/dev-idp/token/admin"), null, null).json().path("access_token").asText();
        JsonNode adapter = TestHttp.get(url("/v1/admin/system/engine-adapters/main"), admin).json();
        assertThat(adapter.path("config").path("mode").asText()).as(adapter.toString()).isEqualTo("stub");
        assertThat(adapter.path("config").path("gate_url").isNull()).isTrue();
        assertThat(adapter.path("source").asText()).isEqualTo("runtime");
        assertThat(TestHttp.get(url("/v1/spinnaker/status"), admin).json().path("status").asText()).isEqualTo("UP");
        assertThat(TestHttp.get(url("/v1/config/sanity"), admin).json().path("spinnaker_configured").asBoolean())
                .as("the in-process simulator is no Spinnaker").isFalse();
    }

    private Response register(String token, String key, Map<String, Object> body) {
        return TestHttp.post(url("/v1/builds/register"), token, body, "Idempotency-Key", key);
    }

    private String formToken(String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/dev-idp/oauth/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.JSON.readTree(response.body()).path("access_token").asText();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static Path temporaryDirectory() {
        try {
            // Under the module's target/, so that a relative path to it exists from the working directory.
            return Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()),
                    "dxcp-embedded-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
