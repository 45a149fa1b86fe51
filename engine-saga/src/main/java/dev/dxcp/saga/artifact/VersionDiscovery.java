package dev.dxcp.saga.artifact;

import dev.dxcp.artifact.ArtifactDiscoveryException;
import dev.dxcp.artifact.VersionScan;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.engine.EngineMessages.DiscoverVersions;
import dev.dxcp.events.engine.EngineMessages.DiscoveredVersion;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;

/**
 * A service's versions as the runtime artifact store holds them (api-contract §4 versions, source "s3");
 * a store that cannot be listed answers 502 ARTIFACT_DISCOVERY_FAILED.
 */
public class VersionDiscovery {
    private static final int MAX_MESSAGE = 240;

    private final VersionScan scan;
    private final String bucket;

    public VersionDiscovery(VersionScan scan, String bucket) {
        this.scan = scan;
        this.bucket = bucket;
    }

    @QueryHandler
    public List<DiscoveredVersion> handle(DiscoverVersions query) {
        try {
            return scan.versionsOf(bucket, query.service()).stream().map(v -> new DiscoveredVersion(v.version(),
                    v.artifactRef(), v.sizeBytes(), v.lastModified())).toList();
        } catch (ArtifactDiscoveryException e) {
            String message = "Artifact discovery failed: " + e.getMessage();
            throw new Rejection(ErrorCode.ARTIFACT_DISCOVERY_FAILED,
                    message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message);
        }
    }
}
