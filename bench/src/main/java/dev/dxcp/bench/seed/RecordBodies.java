package dev.dxcp.bench.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;

import java.util.HashMap;
import java.util.Map;

/**
 * The 201 bodies an Idempotency-Key remembers (api-contract §5 and §7, as an owner or CI caller sees
 * them) and the fingerprints of the requests that got them (governance §6).
 */
final class RecordBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordBodies() {
    }

    static String build(BuildRecord b) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", b.id());
        node.put("service", b.service());
        node.put("version", b.version());
        node.put("artifactRef", b.artifactRef());
        node.put("git_sha", b.gitSha());
        node.put("git_branch", b.gitBranch());
        node.put("ci_publisher", b.ciPublisher());
        node.put("ci_provider", b.ciProvider());
        node.put("ci_run_id", b.ciRunId());
        node.put("built_at", Timestamps.format(b.builtAt()));
        node.put("sha256", b.sha256());
        node.put("sizeBytes", b.sizeBytes());
        node.put("contentType", b.contentType());
        node.put("checksum_sha256", b.checksumSha256());
        node.put("repo", b.repo());
        node.put("actor", b.actor());
        node.putNull("commit_url");
        node.putNull("run_url");
        node.put("registeredAt", Timestamps.format(b.registeredAt()));
        return node.toString();
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

    static String acceptedDeployment(DeploymentAccepted a) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", a.deploymentId());
        node.put("service", a.service());
        node.put("environment", a.environment());
        node.put("version", a.version());
        node.put("sourceEnvironment", a.sourceEnvironment());
        node.put("recipeId", a.recipeId());
        node.put("recipeRevision", a.recipeRevision());
        node.put("effectiveBehaviorSummary", a.effectiveBehaviorSummary());
        node.put("state", "IN_PROGRESS");
        node.put("deploymentKind", a.deploymentKind().name());
        node.putNull("outcome");
        node.put("changeSummary", a.changeSummary());
        node.put("createdAt", Timestamps.format(a.createdAt()));
        node.put("updatedAt", Timestamps.format(a.createdAt()));
        node.put("rollbackOf", a.rollbackOf());
        node.put("deliveryGroupId", a.deliveryGroupId());
        node.put("engine_type", "SPINNAKER");
        node.putArray("failures");
        return node.toString();
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
