package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.testsupport.jwt.TestIdentityProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dxcp CLI against the running server with an external OIDC issuer: client-credentials login,
 * CI-environment autofill, deploy --wait and rollback, audit, projections, and the exit code of each
 * outcome (ExitCode, README "The dxcp CLI").
 */
class CliEndToEndTest extends DeploymentTestSupport {

    @AfterEach
    void engineBehavesNormally() {
        env.gate.outcomes().clear();
        cancelUnfinishedExecutions();
    }

    private CliRun asAdmin() {
        return new CliRun().env("DXCP_SERVER", url("")).env("DXCP_TOKEN", freshAdmin());
    }

    /** The delivery owner of every group serviceInOwnGroup(OWNER, ...) makes (governance §4 read scoping). */
    private static final String OWNER = "cli.owner@example.com";

    private CliRun asOwner() {
        return new CliRun().env("DXCP_SERVER", url("")).env("DXCP_TOKEN", env.identity.ownerToken(OWNER));
    }

    /** A CI job: client credentials from the environment, no config file. */
    private CliRun asCi(String name) {
        String clientId = CI_PREFIX + name;
        env.identity.registerClient(clientId, "secret-" + name, TestIdentityProvider.ROLE_CI_PUBLISHERS);
        return new CliRun().env("DXCP_SERVER", url("")).env("DXCP_CLIENT_ID", clientId)
                .env("DXCP_CLIENT_SECRET", "secret-" + name).env("DXCP_TOKEN_URL", env.identity.tokenUrl())
                .env("DXCP_AUDIENCE", env.identity.audience());
    }

    @Test
    void loginWithClientCredentialsSavesAContextThatLaterCommandsUse() throws Exception {
        String clientId = "cli-observer-" + UUID.randomUUID();
        env.identity.registerClient(clientId, "s3cret", TestIdentityProvider.ROLE_OBSERVERS);
        CliRun cli = new CliRun().env("DXCP_CLIENT_SECRET", "s3cret");

        CliRun.Result login = cli.run("login", "--server", url(""), "--context", "portal", "--token-url",
                env.identity.tokenUrl(), "--client-id", clientId, "--audience", env.identity.audience());
        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(login.out()).contains("as " + clientId + "@clients (OBSERVER)", "context portal");

        String config = Files.readString(cli.configFile());
        assertThat(config).contains("\"current_context\" : \"portal\"", "\"client_id\" : \"" + clientId + "\"")
                .as("the secret is never written").doesNotContain("s3cret");
        assertThat(Files.getPosixFilePermissions(cli.configFile())).as("it holds bearer tokens")
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        CliRun.Result whoami = cli.run("-o", "json", "whoami");
        assertThat(whoami.exit()).as(whoami.toString()).isZero();
        assertThat(whoami.json().path("azp").asText()).isEqualTo(clientId);
        assertThat(cli.run("whoami").out()).containsPattern("role:\\s+OBSERVER");
    }

    @Test
    void buildsRegisterInGithubActionsFillsProvenanceFromItsVariablesAndARetriedJobReplays() {
        String service = serviceInOwnGroup(null, null);
        String version = uniqueVersion();
        Map<String, String> github = new LinkedHashMap<>();
        github.put("GITHUB_ACTIONS", "true");
        github.put("GITHUB_SHA", "4f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6");
        github.put("GITHUB_REF_NAME", "42/merge");
        github.put("GITHUB_HEAD_REF", "feature/login");
        github.put("GITHUB_RUN_ID", "9100" + runNumber());
        github.put("GITHUB_RUN_ATTEMPT", "1");
        github.put("GITHUB_REPOSITORY", "acme/payments");
        github.put("GITHUB_SERVER_URL", "https://github.example.com");
        github.put("GITHUB_ACTOR", "octocat");
        CliRun ci = asCi("gha-" + UUID.randomUUID()).env(github);
        String artifact = env.publish(service, version);

        CliRun.Result first = ci.run("-o", "json", "builds", "register", "--service", service, "--version", version,
                "--artifact", artifact);
        assertThat(first.exit()).as(first.toString()).isZero();
        JsonNode build = first.json();
        assertThat(build.path("git_sha").asText()).isEqualTo(github.get("GITHUB_SHA"));
        assertThat(build.path("git_branch").asText()).as("a pull request's head branch").isEqualTo("feature/login");
        assertThat(build.path("ci_provider").asText()).isEqualTo("github");
        assertThat(build.path("ci_run_id").asText()).isEqualTo(github.get("GITHUB_RUN_ID"));
        assertThat(build.path("repo").asText()).isEqualTo("acme/payments");
        assertThat(build.path("actor").asText()).isEqualTo("octocat");

        // A re-run of the job (attempt 2, later clock) sends the same registration under the same key.
        CliRun.Result retried = ci.env("GITHUB_RUN_ATTEMPT", "2").run("builds", "register", "--service", service,
                "--version", version, "--artifact", artifact);
        assertThat(retried.exit()).as(retried.toString()).isZero();
        assertThat(retried.out()).contains("replayed", "idempotency key: github-" + github.get("GITHUB_RUN_ID")
                + "-" + service + "-" + version);
        assertThat(eventsOfType("BuildRegistered")).isPositive();
        JsonNode stored = get("/v1/builds?service=" + service + "&version=" + version, admin()).json();
        assertThat(stored.path("id").asText()).isEqualTo(build.path("id").asText());
    }

    @Test
    void buildsRegisterInGitlabCiLeavesEmptyVariablesOut() {
        String service = serviceInOwnGroup(null, null);
        String version = uniqueVersion();
        Map<String, String> gitlab = Map.of("GITLAB_CI", "true", "CI_COMMIT_SHA", "0a1b2c3d4e5f",
                "CI_COMMIT_REF_NAME", "main", "CI_PIPELINE_ID", "55" + runNumber(),
                "CI_PIPELINE_URL", "https://gitlab.example.com/acme/payments/-/pipelines/55",
                "CI_PROJECT_URL", "https://gitlab.example.com/acme/payments", "CI_PROJECT_PATH", "acme/payments",
                "GITLAB_USER_LOGIN", "", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", " ");
        CliRun.Result result = asCi("gl-" + UUID.randomUUID()).env(gitlab).run("-o", "json", "builds", "register",
                "--service", service, "--version", version, "--artifact", env.publish(service, version));
        assertThat(result.exit()).as(result.toString()).isZero();
        JsonNode build = result.json();
        assertThat(build.path("ci_provider").asText()).isEqualTo("gitlab");
        assertThat(build.path("git_branch").asText()).isEqualTo("main");
        assertThat(build.path("ci_run_id").asText()).isEqualTo(gitlab.get("CI_PIPELINE_ID"));
        assertThat(build.path("actor").isNull()).as("GITLAB_USER_LOGIN was empty: left out").isTrue();
        assertThat(build.path("repo").asText()).isEqualTo("acme/payments");
    }

    @Test
    void registeringOutsideACiRunWithoutProvenanceIsAUsageError() {
        CliRun.Result result = asCi("plain-" + UUID.randomUUID()).run("builds", "register", "--service",
                "demo-service", "--version", "1.0.0", "--artifact", "s3://x/y.zip");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("git_sha", "DXCP_GIT_SHA");
    }

    @Test
    void deployWaitFollowsToSucceededAndRollbackWaitReturnsToThePreviousVersion() {
        String service = serviceInOwnGroup(OWNER, null);
        String first = registered(service);
        String second = registered(service);
        CliRun owner = asOwner();

        CliRun.Result deployed = owner.run("deploy", service, first, "--env", "sandbox", "-m", "first", "--wait",
                "--poll", "100ms");
        assertThat(deployed.exit()).as(deployed.toString()).isZero();
        assertThat(deployed.out()).contains("Validated " + service + " " + first, "deploys used today",
                "Submitted", "Succeeded", "ended SUCCEEDED");

        CliRun.Result again = owner.run("-o", "json", "deploy", service, second, "--env", "sandbox", "-m", "second",
                "--wait", "--poll", "100ms");
        assertThat(again.exit()).as(again.toString()).isZero();
        JsonNode record = again.json();
        assertThat(record.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(again.err()).as("json mode keeps progress off stdout").contains("ended SUCCEEDED");

        CliRun.Result rolledBack = owner.run("-o", "json", "rollback", record.path("id").asText(), "--wait",
                "--poll", "100ms");
        assertThat(rolledBack.exit()).as(rolledBack.toString()).isZero();
        assertThat(rolledBack.json().path("deploymentKind").asText()).isEqualTo("ROLLBACK");
        assertThat(rolledBack.json().path("version").asText()).isEqualTo(first);

        CliRun.Result status = owner.run("-o", "json", "status", service, "--env", "sandbox");
        assertThat(status.json().path("currentRunning").path("version").asText()).isEqualTo(first);
        CliRun.Result history = owner.run("-o", "json", "history", "--service", service);
        assertThat(history.json()).hasSize(3);
        String createdAt = record.path("createdAt").asText();
        CliRun.Result past = asAdmin().run("-o", "json", "deployments", "get", record.path("id").asText(),
                "--as-of", createdAt);
        assertThat(past.exit()).as(past.toString()).isZero();
        assertThat(past.json().path("state").asText()).as("as it was when submitted").isEqualTo("IN_PROGRESS");
    }

    @Test
    void aFollowedDeploymentThatFailsExitsSevenAndPrintsItsFailures() {
        String service = serviceInOwnGroup(OWNER, null);
        env.gate.outcomes().forParameter("service", service, Outcome.controllerError("artifact_bucket_mismatch"));
        CliRun.Result result = asOwner().run("deploy", service, registered(service), "--env", "sandbox", "-m", "x",
                "--wait", "--poll", "100ms");
        assertThat(result.exit()).as(result.toString()).isEqualTo(7);
        assertThat(result.out()).contains("ended FAILED", "ARTIFACT");
    }

    @Test
    void exitCodesSayWhatKindOfRefusalItWas() {
        String service = serviceInOwnGroup(null, null);
        CliRun.Result notLoggedIn = new CliRun().env("DXCP_SERVER", url("")).run("services");
        assertThat(notLoggedIn.exit()).as(notLoggedIn.toString()).isEqualTo(3);

        CliRun.Result observer = new CliRun().env("DXCP_SERVER", url(""))
                .env("DXCP_TOKEN", env.identity.observerToken())
                .run("deploy", service, "1.0.0", "--env", "sandbox", "-m", "x");
        assertThat(observer.exit()).as(observer.toString()).isEqualTo(3);
        assertThat(observer.err()).contains("ROLE_FORBIDDEN (403)", "request_id=cli-");

        CliRun.Result unknown = asAdmin().run("deployments", "get", UUID.randomUUID().toString());
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(4);

        CliRun.Result unregistered = asOwner().run("-o", "json", "deploy", service, "9.9.9", "--env", "sandbox",
                "-m", "x");
        assertThat(unregistered.exit()).as(unregistered.toString()).isEqualTo(5);
        assertThat(unregistered.json().path("code").asText()).as("json mode prints the error body")
                .isEqualTo("VERSION_NOT_FOUND");

        CliRun.Result usage = asAdmin().run("deploy", service);
        assertThat(usage.exit()).isEqualTo(2);

        CliRun.Result unreachable = new CliRun().env("DXCP_SERVER", "http://127.0.0.1:1").env("DXCP_TOKEN", "x")
                .run("services");
        assertThat(unreachable.exit()).as(unreachable.toString()).isEqualTo(6);
    }

    @Test
    void auditReplayPagesThroughTheHistoryAndResumesFromItsCursorFile() throws Exception {
        String service = serviceInOwnGroup(null, null);
        registered(service);
        registered(service);
        Path cursor = Files.createTempFile("dxcp-cursor", ".txt");
        Files.delete(cursor);

        CliRun.Result all = asAdmin().run("audit", "replay", "--service", service, "--page", "1");
        assertThat(all.exit()).as(all.toString()).isZero();
        String[] lines = all.out().strip().split("\n");
        assertThat(lines.length).as("paged one event at a time, joined without gaps").isGreaterThanOrEqualTo(2);
        for (String line : lines) {
            JsonNode event = parse(line);
            assertThat(event.has("position")).as(line).isTrue();
            assertThat(event.has("next_after")).as("the closing line is consumed").isFalse();
        }

        CliRun.Result firstPart = asAdmin().run("audit", "replay", "--service", service, "--max", "1",
                "--cursor-file", cursor.toString());
        assertThat(firstPart.out().strip().split("\n")).hasSize(1);
        CliRun.Result rest = asAdmin().run("audit", "replay", "--service", service, "--cursor-file", cursor.toString());
        assertThat(rest.out().strip().split("\n")).as("the rest, from the saved position")
                .hasSize(lines.length - 1).containsExactly(java.util.Arrays.copyOfRange(lines, 1, lines.length));
    }

    @Test
    void auditVerifyAndProjectionsRebuildWaitEndWithExitZero() {
        CliRun.Result verify = asAdmin().run("audit", "verify");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).containsPattern("verified:\\s+true");

        CliRun.Result rebuild = asAdmin().run("projections", "rebuild", "builds", "--wait", "--poll", "200ms");
        assertThat(rebuild.exit()).as(rebuild.toString()).isZero();
        assertThat(rebuild.out()).contains("builds", "100%", "completed");
        CliRun.Result list = asAdmin().run("-o", "json", "projections", "list");
        assertThat(list.json().path("projections").findValuesAsText("name")).contains("builds", "deployments");
    }

    @Test
    void completionScriptsCoverEveryCommand() {
        CliRun.Result bash = new CliRun().run("completion", "bash");
        assertThat(bash.exit()).isZero();
        assertThat(bash.out()).contains("complete -F", "deploy", "rollback", "projections", "--as-of");
        CliRun.Result zsh = new CliRun().run("completion", "zsh");
        assertThat(zsh.out()).startsWith("autoload -U +X compinit").contains("bashcompinit");
    }

    private static JsonNode parse(String line) throws Exception {
        return dev.dxcp.testsupport.http.TestHttp.JSON.readTree(line);
    }

    private static String runNumber() {
        return String.valueOf(System.nanoTime() % 1_000_000);
    }
}
