package dev.dxcp.events.build;

import java.time.Instant;

/**
 * A certified build: provenance from CI plus integrity facts taken from the artifact store
 * (api-contract §7, the 19 keys of the build record).
 */
public record BuildRecord(String id, String service, String version, String artifactRef, String gitSha,
                          String gitBranch, String ciPublisher, String ciProvider, String ciRunId, Instant builtAt,
                          String sha256, Long sizeBytes, String contentType, String checksumSha256, String repo,
                          String actor, String commitUrl, String runUrl, Instant registeredAt, String artifactEtag) {

    /** A build before its artifact is measured (and builds registered before the ETag was kept). */
    public BuildRecord(String id, String service, String version, String artifactRef, String gitSha,
                       String gitBranch, String ciPublisher, String ciProvider, String ciRunId, Instant builtAt,
                       String sha256, Long sizeBytes, String contentType, String checksumSha256, String repo,
                       String actor, String commitUrl, String runUrl, Instant registeredAt) {
        this(id, service, version, artifactRef, gitSha, gitBranch, ciPublisher, ciProvider, ciRunId, builtAt, sha256,
                sizeBytes, contentType, checksumSha256, repo, actor, commitUrl, runUrl, registeredAt, null);
    }

    /** Re-registration is idempotent only for the same artifact and source revision (domain §13). */
    public boolean sameArtifactAs(BuildRecord other) {
        return artifactRef.equals(other.artifactRef) && gitSha.equals(other.gitSha);
    }

    /** commit_url and run_url left out: the UI exposure policy does not display external links. */
    public BuildRecord withLinksHidden() {
        return new BuildRecord(id, service, version, artifactRef, gitSha, gitBranch, ciPublisher, ciProvider, ciRunId,
                builtAt, sha256, sizeBytes, contentType, checksumSha256, repo, actor, null, null, registeredAt,
                artifactEtag);
    }

    public BuildRecord withIntegrity(ArtifactIntegrity integrity) {
        return new BuildRecord(id, service, version, artifactRef, gitSha, gitBranch, ciPublisher, ciProvider, ciRunId,
                builtAt, integrity.sha256(), integrity.sizeBytes(), integrity.contentType(), checksumSha256, repo,
                actor, commitUrl, runUrl, registeredAt, integrity.eTag());
    }
}
