package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.server.DxcpServerApplication;
import dev.dxcp.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI as a new user meets it (README "The dxcp CLI"): the embedded server with nothing configured,
 * login through the development issuer, register, deploy --wait, roll back, audit replay; Ctrl-C on a
 * followed deployment through the real launcher (bin/dxcp) and the packaged jar.
 */
@SpringBootTest(classes = DxcpServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CliEmbeddedModeEndToEndTest {
    private static final Path DATA_DIR = temporaryDirectory();
    private static final Path LAUNCHER = Path.of("..", "bin", "dxcp");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("DXCP_DATA_DIR", DATA_DIR::toString);
        // Slow enough stages that a deployment is still running when the test presses Ctrl-C.
        registry.add("DXCP_SIMULATOR_STAGE_DELAY", () -> "4s");
    }

    private String server() {
        return "http://127.0.0.1:" + port;
    }

    /** Logged in as the platform admin (context default) and as the demo CI client (context ci), allowlisted. */
    private CliRun loggedIn() {
        CliRun cli = new CliRun();
        assertOk(cli.run("login", "--server", server(), "--embedded"));
        // Both tests act as the one embedded admin and follow with a short --poll: lift the per-minute
        // read rate so the second test does not wait out the first one's minute.
        TestHttp.Response limits = TestHttp.put(server() + "/v1/admin/system/rate-limits",
                cli.run("token").out().strip(), Map.of("read_rpm", 5000, "mutate_rpm", 5000,
                        "daily_quota_build_register", 5000));
        assertThat(limits.status()).as(limits.body()).isEqualTo(200);
        assertOk(cli.run("login", "--embedded", "--role", "ci", "--context", "ci"));
        assertOk(cli.run("context", "use", "default"));
        assertOk(cli.run("ci-publishers", "add", "demo-ci", "--subject", "demo-ci@clients"));
        return cli;
    }

    private void register(CliRun cli, String version) {
        assertOk(cli.env("DXCP_CI_PROVIDER", "custom").env("DXCP_CI_RUN_ID", "readme-" + version)
                .env("DXCP_GIT_SHA", "abc123").env("DXCP_GIT_BRANCH", "main")
                .run("--context", "ci", "builds", "register", "--service", "demo-service", "--version", version,
                        "--artifact", "s3://dxcp-artifacts/demo-service/demo-service-" + version + ".zip"));
    }

    @Test
    void aNewUserLogsInRegistersDeploysWithWaitRollsBackAndPipesTheAudit() throws Exception {
        CliRun cli = loggedIn();
        CliRun.Result whoami = cli.run("--context", "ci", "whoami");
        assertThat(whoami.out()).containsPattern("role:\\s+CI_PUBLISHER").contains("demo-ci@clients");
        // 1.0.0 and 1.1.0 were registered by the embedded demo data, as the README says.
        register(cli, "1.2.0");

        CliRun.Result first = assertOk(cli.run("deploy", "demo-service", "1.1.0", "--env", "sandbox", "-m",
                "first deploy", "--wait", "--poll", "200ms"));
        assertThat(first.out()).contains("ended SUCCEEDED");
        CliRun.Result second = assertOk(cli.run("-o", "json", "deploy", "demo-service", "1.2.0", "--env", "sandbox",
                "-m", "second deploy", "--wait", "--poll", "200ms"));
        String secondId = second.json().path("id").asText();
        CliRun.Result rollback = assertOk(cli.run("rollback", secondId, "--wait", "--poll", "200ms"));
        assertThat(rollback.out()).contains("to demo-service 1.1.0", "Rollback succeeded", "ended SUCCEEDED");
        assertThat(cli.run("status", "demo-service").out()).containsPattern("sandbox\\s+1\\.1\\.0");

        CliRun.Result replay = assertOk(cli.run("audit", "replay", "--service", "demo-service"));
        List<String> types = new ArrayList<>();
        for (String line : replay.out().strip().split("\n")) {
            types.add(TestHttp.JSON.readTree(line).path("event_type").asText());
        }
        assertThat(types).contains("BuildRegistered", "DeploymentAccepted", "DeploymentSucceeded");
        assertThat(TestHttp.get(server() + "/swagger-ui.html", null).status()).as("the API page, embedded mode")
                .isIn(200, 302);
        Map<String, String> none = Map.of("Origin", "https://portal.example.com");
        TestHttp.Response preflight = TestHttp.send("OPTIONS", server() + "/v1/services", null, null, "Origin",
                none.get("Origin"), "Access-Control-Request-Method", "GET");
        assertThat(preflight.status()).as("no CORS origin allowed by default").isEqualTo(403);
    }

    @Test
    void ctrlCStopsFollowingButTheDeploymentGoesOn() throws Exception {
        CliRun cli = loggedIn();
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "deploy", "demo-service", "1.0.0", "--env",
                "sandbox", "-m", "interrupted follow", "--wait").redirectErrorStream(true);
        builder.environment().putAll(cli.environment());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String id = null;
        StringBuilder seen = new StringBuilder();
        Pattern accepted = Pattern.compile("Deployment (\\S+) accepted; following it");
        for (String line = output.readLine(); line != null && id == null; line = output.readLine()) {
            seen.append(line).append('\n');
            Matcher match = accepted.matcher(line);
            if (match.find()) {
                id = match.group(1);
            }
        }
        assertThat(id).as(seen.toString()).isNotNull();
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        seen.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(process.exitValue()).as(seen.toString()).isEqualTo(130);
        assertThat(seen.toString()).contains("Stopped following " + id, "the deployment goes on");

        CliRun.Result resumed = assertOk(cli.run("-o", "json", "deployments", "get", id, "--wait", "--poll", "200ms"));
        JsonNode record = resumed.json();
        assertThat(record.path("state").asText()).as("the deployment itself was never stopped").isEqualTo("SUCCEEDED");
    }

    private static CliRun.Result assertOk(CliRun.Result result) {
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("dxcp-cli-embedded");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
