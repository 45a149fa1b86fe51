package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.jwt.TestIdentityProvider;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI templates in integrations/ run with the variables each CI system sets, against the running
 * server: the GitHub action registers, deploys to the sandbox and waits; the GitLab jobs register with
 * the pipeline's provenance and deploy.
 */
class CiTemplatesEndToEndTest extends DeploymentTestSupport {

    private String ciClient(String name) {
        String clientId = CI_PREFIX + name + "-" + UUID.randomUUID();
        env.identity.registerClient(clientId, "ci-secret", TestIdentityProvider.ROLE_CI_PUBLISHERS);
        return clientId;
    }

    /** The deploy identity: a delivery owner whose email owns the test's groups, so it can follow its deployment. */
    private static final String DEPLOYER = "pipeline.deployer@example.com";

    private String deployerToken() {
        return env.identity.ownerToken(DEPLOYER);
    }

    @Test
    void theGithubActionRegistersTheBuildThenDeploysToTheSandboxAndWaits() throws Exception {
        String service = serviceInOwnGroup(DEPLOYER, null);
        String version = uniqueVersion();
        String runId = String.valueOf(System.nanoTime() % 100_000_000);
        Map<String, String> inputs = new HashMap<>();
        inputs.put("server", url(""));
        inputs.put("service", service);
        inputs.put("version", version);
        inputs.put("artifact", env.publish(service, version));
        inputs.put("token-url", env.identity.tokenUrl());
        inputs.put("client-id", ciClient("gha"));
        inputs.put("client-secret", "ci-secret");
        inputs.put("audience", env.identity.audience());
        inputs.put("deploy-to", "sandbox");
        inputs.put("deploy-token", deployerToken());
        inputs.put("cli-jar", CiTemplates.cliJar().toString());
        Map<String, String> github = Map.of("GITHUB_ACTIONS", "true", "CI", "true", "GITHUB_SHA",
                "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", "GITHUB_REF_NAME", "main", "GITHUB_RUN_ID", runId,
                "GITHUB_RUN_ATTEMPT", "1", "GITHUB_REPOSITORY", "acme/checkout", "GITHUB_SERVER_URL",
                "https://github.com", "GITHUB_ACTOR", "octocat", "GITHUB_HEAD_REF", "");

        CiTemplates.Run run = CiTemplates.githubAction(inputs, github);
        assertThat(run.exit()).as(run.log()).isZero();
        assertThat(run.outputs().get("deploy.deployment-state")).as(run.log()).isEqualTo("SUCCEEDED");
        JsonNode build = get("/v1/builds?service=" + service + "&version=" + version, admin()).json();
        assertThat(run.outputs().get("register.build-id")).isEqualTo(build.path("id").asText());
        assertThat(build.path("git_branch").asText()).as("empty GITHUB_HEAD_REF left out").isEqualTo("main");
        assertThat(build.path("ci_run_id").asText()).isEqualTo(runId);
        assertThat(build.path("actor").asText()).isEqualTo("octocat");
        JsonNode deployment = get("/v1/deployments/" + run.outputs().get("deploy.deployment-id"), admin()).json();
        assertThat(deployment.path("changeSummary").asText()).contains("acme/checkout run " + runId);

        CiTemplates.Run rerun = CiTemplates.githubAction(inputs, github);
        assertThat(rerun.exit()).as("a re-run of the workflow replays both calls\n" + rerun.log()).isZero();
        assertThat(rerun.outputs().get("deploy.deployment-id")).isEqualTo(run.outputs().get("deploy.deployment-id"));
    }

    @Test
    void theGitlabJobsRegisterWithThePipelinesProvenanceAndDeploy() throws Exception {
        String service = serviceInOwnGroup(DEPLOYER, null);
        String version = uniqueVersion();
        String pipeline = String.valueOf(System.nanoTime() % 100_000_000);
        Map<String, String> gitlab = new HashMap<>(Map.of("GITLAB_CI", "true", "CI", "true",
                "CI_COMMIT_SHA", "1234abcd", "CI_COMMIT_REF_NAME", "release", "CI_PIPELINE_ID", pipeline,
                "CI_PIPELINE_URL", "https://gitlab.example.com/acme/shop/-/pipelines/" + pipeline,
                "CI_PROJECT_URL", "https://gitlab.example.com/acme/shop", "CI_PROJECT_PATH", "acme/shop",
                "GITLAB_USER_LOGIN", "tanuki"));
        gitlab.put("DXCP_CLI_JAR", CiTemplates.cliJar().toString());
        gitlab.put("DXCP_SERVER", url(""));
        gitlab.put("DXCP_TOKEN_URL", env.identity.tokenUrl());
        gitlab.put("DXCP_AUDIENCE", env.identity.audience());
        gitlab.put("DXCP_SERVICE", service);
        gitlab.put("DXCP_VERSION", version);
        gitlab.put("DXCP_ARTIFACT", env.publish(service, version));

        Map<String, String> register = new HashMap<>(gitlab);
        register.put("DXCP_CLIENT_ID", ciClient("gitlab"));
        register.put("DXCP_CLIENT_SECRET", "ci-secret");
        CiTemplates.Run registered = CiTemplates.gitlabJob(".dxcp-register-build", register);
        assertThat(registered.exit()).as(registered.log()).isZero();
        JsonNode build = get("/v1/builds?service=" + service + "&version=" + version, admin()).json();
        assertThat(build.path("ci_provider").asText()).isEqualTo("gitlab");
        assertThat(build.path("git_branch").asText()).isEqualTo("release");
        assertThat(build.path("actor").asText()).isEqualTo("tanuki");
        assertThat(build.path("repo").asText()).isEqualTo("acme/shop");

        Map<String, String> deploy = new HashMap<>(gitlab);
        deploy.put("DXCP_TOKEN", deployerToken());
        deploy.put("DXCP_ENVIRONMENT", "sandbox");
        CiTemplates.Run deployed = CiTemplates.gitlabJob(".dxcp-deploy", deploy);
        assertThat(deployed.exit()).as(deployed.log()).isZero();
        assertThat(deployed.log()).contains("ended SUCCEEDED");
    }

    @Test
    void theGitlabJobFailsWithTheCliExitCodeWhenDxcpRefuses() throws Exception {
        String service = serviceInOwnGroup(null, null);
        Map<String, String> variables = new HashMap<>(Map.of("GITLAB_CI", "true", "CI_COMMIT_SHA", "1",
                "CI_COMMIT_REF_NAME", "main", "CI_PIPELINE_ID", "1", "DXCP_SERVER", url(""),
                "DXCP_TOKEN", env.identity.ownerToken("gitlab.owner@example.com"), "DXCP_SERVICE", service,
                "DXCP_VERSION", "0.0.1", "DXCP_ENVIRONMENT", "sandbox"));
        variables.put("DXCP_CLI_JAR", CiTemplates.cliJar().toString());
        CiTemplates.Run run = CiTemplates.gitlabJob(".dxcp-deploy", variables);
        assertThat(run.exit()).as(run.log()).isEqualTo(5);
        assertThat(run.log()).contains("VERSION_NOT_FOUND");
    }
}
