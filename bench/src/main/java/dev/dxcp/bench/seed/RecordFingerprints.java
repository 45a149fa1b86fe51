package dev.dxcp.bench.seed;

import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;

import java.util.HashMap;
import java.util.Map;

/** The fingerprints of the requests whose answers a seeded Idempotency-Key remembers (governance §6). */
final class RecordFingerprints {
    private RecordFingerprints() {
    }

    static String buildFingerprint(BuildRecord b) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("service", b.service());
        fields.put("version", b.version());
        fields.put("artifactRef", b.artifactRef());
        fields.put("git_sha", b.gitSha());
        fields.put("git_branch", b.gitBranch());
        fields.put("ci_provider", b.ciProvider());
        fields.put("ci_run_id", b.ciRunId());
        fields.put("built_at", Timestamps.format(b.builtAt()));
        fields.put("sha256", null);
        fields.put("sizeBytes", null);
        fields.put("contentType", null);
        fields.put("repo", b.repo());
        fields.put("commit_url", null);
        fields.put("run_url", null);
        return RequestFingerprints.of(fields);
    }

    static String deployFingerprint(DeploymentAccepted a) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("service", a.service());
        fields.put("environment", a.environment());
        fields.put("version", a.version());
        fields.put("changeSummary", a.changeSummary());
        fields.put("recipeId", a.recipeId());
        return RequestFingerprints.of(fields);
    }
}
