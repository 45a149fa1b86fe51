package dev.dxcp.cli.build;

import dev.dxcp.cli.CliContext;

import java.util.Locale;

/**
 * The CI run a command executes in, read from the variables the CI system sets: GitHub Actions,
 * GitLab CI, Jenkins, then DXCP_* variables (any CI, and overrides). Empty variables count as unset, so
 * a field a CI system leaves empty is left out of the request rather than sent as "".
 *
 * <p>Every value is stable across a retry of the same run (GitHub's run attempt and GitLab's job id are
 * not used), so a retried job sends the same registration under the same Idempotency-Key and is
 * answered with a replay (governance §6) instead of a conflict.
 */
public record CiRun(String provider, String runId, String gitSha, String gitBranch, String runUrl, String commitUrl,
                    String repo, String actor) {

    public static CiRun detect(CliContext cli) {
        CiRun detected;
        if ("true".equalsIgnoreCase(cli.env("GITHUB_ACTIONS"))) {
            detected = github(cli);
        } else if ("true".equalsIgnoreCase(cli.env("GITLAB_CI"))) {
            detected = gitlab(cli);
        } else if (cli.env("JENKINS_URL") != null) {
            detected = new CiRun("jenkins", cli.env("BUILD_TAG"), cli.env("GIT_COMMIT"),
                    localBranch(cli.env("GIT_BRANCH")), cli.env("BUILD_URL"), null, cli.env("GIT_URL"),
                    cli.env("BUILD_USER_ID"));
        } else {
            detected = new CiRun(null, null, null, null, null, null, null, null);
        }
        return new CiRun(
                or(cli.env("DXCP_CI_PROVIDER"), detected.provider),
                or(cli.env("DXCP_CI_RUN_ID"), detected.runId),
                or(cli.env("DXCP_GIT_SHA"), detected.gitSha),
                or(cli.env("DXCP_GIT_BRANCH"), detected.gitBranch),
                or(cli.env("DXCP_RUN_URL"), detected.runUrl),
                or(cli.env("DXCP_COMMIT_URL"), detected.commitUrl),
                or(cli.env("DXCP_REPO"), detected.repo),
                or(cli.env("DXCP_ACTOR"), detected.actor));
    }

    /** GitHub Actions' default variables; a pull request's branch is its head branch, not "N/merge". */
    private static CiRun github(CliContext cli) {
        String server = or(cli.env("GITHUB_SERVER_URL"), "https://github.com");
        String repository = cli.env("GITHUB_REPOSITORY");
        String runId = cli.env("GITHUB_RUN_ID");
        String sha = cli.env("GITHUB_SHA");
        return new CiRun("github", runId, sha, or(cli.env("GITHUB_HEAD_REF"), cli.env("GITHUB_REF_NAME")),
                repository != null && runId != null ? server + "/" + repository + "/actions/runs/" + runId : null,
                repository != null && sha != null ? server + "/" + repository + "/commit/" + sha : null,
                repository, cli.env("GITHUB_ACTOR"));
    }

    /** GitLab CI's predefined variables; the pipeline, not the job, is the run (a retried job keeps it). */
    private static CiRun gitlab(CliContext cli) {
        String project = cli.env("CI_PROJECT_URL");
        String sha = cli.env("CI_COMMIT_SHA");
        return new CiRun("gitlab", cli.env("CI_PIPELINE_ID"), sha,
                or(cli.env("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"), cli.env("CI_COMMIT_REF_NAME")),
                cli.env("CI_PIPELINE_URL"), project != null && sha != null ? project + "/-/commit/" + sha : null,
                cli.env("CI_PROJECT_PATH"), cli.env("GITLAB_USER_LOGIN"));
    }

    /**
     * An Idempotency-Key derived from the run, so a retried job replays instead of acting twice; null
     * outside a CI run. For builds it is the CI helper's own form ({@code github-<run>-<service>-<version>},
     * ci-and-backstage-clients §1.4), so both clients replay each other's registrations.
     */
    public String key(String... parts) {
        if (provider == null || runId == null) {
            return null;
        }
        StringBuilder key = new StringBuilder(provider.toLowerCase(Locale.ROOT)).append('-').append(runId);
        for (String part : parts) {
            key.append('-').append(part);
        }
        return key.toString();
    }

    /** Jenkins reports "origin/main"; the branch is "main". */
    private static String localBranch(String branch) {
        return branch != null && branch.startsWith("origin/") ? branch.substring("origin/".length()) : branch;
    }

    static String or(String first, String second) {
        return first != null ? first : second;
    }
}
