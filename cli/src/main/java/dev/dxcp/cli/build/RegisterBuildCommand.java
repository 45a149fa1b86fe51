package dev.dxcp.cli.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.CliFailure;
import dev.dxcp.cli.DxcpCommand;
import dev.dxcp.cli.ExitCode;
import dev.dxcp.cli.Output;
import dev.dxcp.cli.http.ApiClient;
import dev.dxcp.cli.http.ApiResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POST /v1/builds/register (api-contract §7) from a CI job: service, version and artifact from flags,
 * provenance from the CI run ({@link CiRun}), flags winning. Fields nobody knows are left out.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Register a build (CI publisher identity).",
                "In GitHub Actions and GitLab CI only --service, --version and --artifact are needed: the commit,",
                "branch, run, URLs, repository and actor come from the CI variables (or DXCP_GIT_SHA, DXCP_GIT_BRANCH,",
                "DXCP_CI_PROVIDER, DXCP_CI_RUN_ID, DXCP_RUN_URL, DXCP_COMMIT_URL, DXCP_REPO, DXCP_ACTOR, DXCP_BUILT_AT)."})
public final class RegisterBuildCommand extends DxcpCommand {
    @Option(names = "--service", required = true)
    String service;

    @Option(names = "--version", required = true, description = "The build's version (semver).")
    String version;

    @Option(names = {"--artifact", "--artifact-ref"}, required = true, paramLabel = "REF",
            description = "Where the artifact is, e.g. s3://bucket/service/service-1.2.3.zip")
    String artifactRef;

    @Option(names = "--git-sha")
    String gitSha;

    @Option(names = "--git-branch")
    String gitBranch;

    @Option(names = "--ci-provider")
    String ciProvider;

    @Option(names = "--ci-run-id")
    String ciRunId;

    @Option(names = "--built-at", paramLabel = "TIME",
            description = "ISO-8601; default: DXCP_BUILT_AT, else the already registered build's, else now.")
    String builtAt;

    @Option(names = "--commit-url")
    String commitUrl;

    @Option(names = "--run-url")
    String runUrl;

    @Option(names = "--checksum-sha256")
    String checksum;

    @Option(names = "--repo")
    String repo;

    @Option(names = "--actor")
    String actor;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Default: <ci provider>-<run id>-<service>-<version>, so a retried job replays.")
    String idempotencyKey;

    RegisterBuildCommand(CliContext cli) {
        super(cli);
    }

    @Override
    protected ExitCode run() {
        CiRun ci = CiRun.detect(cli);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("version", version);
        body.put("artifactRef", artifactRef);
        putKnown(body, "git_sha", gitSha, ci.gitSha());
        putKnown(body, "git_branch", gitBranch, ci.gitBranch());
        putKnown(body, "ci_provider", ciProvider, ci.provider());
        putKnown(body, "ci_run_id", ciRunId, ci.runId());
        List<String> missing = new ArrayList<>();
        for (String field : List.of("git_sha", "git_branch", "ci_provider", "ci_run_id")) {
            if (!body.containsKey(field)) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw new CliFailure(ExitCode.USAGE, "Not in a known CI run and not given: " + missing
                    + ". Pass --git-sha/--git-branch/--ci-provider/--ci-run-id or set DXCP_GIT_SHA, DXCP_GIT_BRANCH, "
                    + "DXCP_CI_PROVIDER, DXCP_CI_RUN_ID");
        }
        putKnown(body, "commit_url", commitUrl, ci.commitUrl());
        putKnown(body, "run_url", runUrl, ci.runUrl());
        putKnown(body, "checksum_sha256", checksum, null);
        putKnown(body, "repo", repo, ci.repo());
        putKnown(body, "actor", actor, ci.actor());
        String key = CiRun.or(blankToNull(idempotencyKey), new CiRun((String) body.get("ci_provider"),
                (String) body.get("ci_run_id"), null, null, null, null, null, null).key(service, version));

        ApiClient api = cli.api();
        body.put("built_at", builtAt(api, body));
        ApiResponse response = api.post("/v1/builds/register", body, Map.of("Idempotency-Key", key));
        JsonNode build = response.json();
        if (output.json()) {
            output.print(build);
            return ExitCode.OK;
        }
        boolean replayed = response.header("Idempotency-Replayed").map("true"::equalsIgnoreCase).orElse(false);
        String result = replayed ? "replayed (this run registered it before)"
                : response.status() == 201 ? "registered" : "already registered with the same artifact and commit";
        output.line("Build " + service + " " + version + ": " + result);
        List<String[]> fields = new ArrayList<>(BuildsCommand.BuildView.fields(build));
        fields.add(Output.field("idempotency key", key));
        output.fields(fields);
        return ExitCode.OK;
    }

    /**
     * built_at is part of the registration's fingerprint (governance §6). When the caller does not say
     * when it built, a retry must send the same value as the first attempt, so the time of an already
     * registered build of the same artifact and commit is reused; only a first registration takes now.
     */
    private String builtAt(ApiClient api, Map<String, Object> body) {
        String given = CiRun.or(blankToNull(builtAt), cli.env("DXCP_BUILT_AT"));
        if (given != null) {
            return given;
        }
        ApiResponse existing = api.send("GET", ApiClient.path("/v1/builds", "service", service, "version", version),
                null, Map.of());
        if (existing.status() == 200) {
            JsonNode build = existing.json();
            if (artifactRef.equals(build.path("artifactRef").asText()) && body.get("git_sha").equals(
                    build.path("git_sha").asText())) {
                return build.path("built_at").asText();
            }
        }
        return DateTimeFormatter.ISO_INSTANT.format(cli.clock().instant().truncatedTo(ChronoUnit.SECONDS));
    }

    private static void putKnown(Map<String, Object> body, String field, String flag, String fromCi) {
        String value = CiRun.or(blankToNull(flag), fromCi);
        if (value != null) {
            body.put(field, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
