package dev.dxcp.server.http.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.Timestamps;

/**
 * The build record on the wire: exactly the 19 keys of api-contract §7. commit_url and run_url are
 * stored but shown only while the UI exposure policy displays external links.
 */
public class BuildJson {
    private final ObjectMapper json;

    public BuildJson(ObjectMapper json) {
        this.json = json;
    }

    /** @param links whether the UI exposure policy displays external links (commit_url, run_url) */
    public ObjectNode render(BuildRecord b, boolean links) {
        ObjectNode node = json.createObjectNode();
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
        node.put("commit_url", links ? b.commitUrl() : null);
        node.put("run_url", links ? b.runUrl() : null);
        node.put("registeredAt", Timestamps.format(b.registeredAt()));
        return node;
    }
}
