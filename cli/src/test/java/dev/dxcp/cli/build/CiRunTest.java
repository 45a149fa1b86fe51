package dev.dxcp.cli.build;

import dev.dxcp.cli.CliContext;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which CI run the CLI believes it is in, from the variables each CI system sets. */
class CiRunTest {
    private static CiRun detect(Map<String, String> env) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return CiRun.detect(new CliContext(env, sink, sink, Clock.systemUTC(), false));
    }

    @Test
    void githubRunValuesStayTheSameAcrossAttemptsSoARetryReplays() {
        Map<String, String> env = new HashMap<>(Map.of("GITHUB_ACTIONS", "true", "GITHUB_RUN_ID", "77",
                "GITHUB_RUN_ATTEMPT", "1", "GITHUB_SHA", "abc", "GITHUB_REPOSITORY", "acme/shop",
                "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REF_NAME", "main"));
        CiRun first = detect(env);
        env.put("GITHUB_RUN_ATTEMPT", "3");
        assertThat(detect(env)).isEqualTo(first);
        assertThat(first.runUrl()).isEqualTo("https://github.com/acme/shop/actions/runs/77");
        assertThat(first.commitUrl()).isEqualTo("https://github.com/acme/shop/commit/abc");
        assertThat(first.key("svc", "1.0.0")).as("the CI helper's key form").isEqualTo("github-77-svc-1.0.0");
    }

    @Test
    void gitlabTakesThePipelineAsTheRunAndAMergeRequestsSourceBranch() {
        CiRun run = detect(Map.of("GITLAB_CI", "true", "CI_PIPELINE_ID", "900", "CI_JOB_ID", "5",
                "CI_COMMIT_REF_NAME", "refs/merge-requests/4/head", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature",
                "CI_COMMIT_SHA", "def", "CI_PROJECT_URL", "https://gitlab.example.com/acme/shop"));
        assertThat(run.provider()).isEqualTo("gitlab");
        assertThat(run.runId()).isEqualTo("900");
        assertThat(run.gitBranch()).isEqualTo("feature");
        assertThat(run.commitUrl()).isEqualTo("https://gitlab.example.com/acme/shop/-/commit/def");
    }

    @Test
    void emptyVariablesCountAsUnsetAndDxcpVariablesOverride() {
        CiRun run = detect(Map.of("GITHUB_ACTIONS", "true", "GITHUB_RUN_ID", "1", "GITHUB_ACTOR", "",
                "GITHUB_HEAD_REF", "  ", "GITHUB_REF_NAME", "main", "DXCP_GIT_BRANCH", "release"));
        assertThat(run.actor()).isNull();
        assertThat(run.gitBranch()).isEqualTo("release");
    }

    @Test
    void outsideCiThereIsNoRunAndNoDerivedKey() {
        CiRun run = detect(Map.of());
        assertThat(run.provider()).isNull();
        assertThat(run.key("svc", "1.0.0")).isNull();
    }
}
