package dev.dxcp.saga.artifact;

import dev.dxcp.artifact.ArtifactDiscoveryException;
import dev.dxcp.artifact.VersionScan;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.engine.EngineMessages.DiscoverVersions;
import dev.dxcp.events.engine.EngineMessages.DiscoveredVersion;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * A service's versions as the runtime artifact store holds them (api-contract §4 versions, source "s3");
 * a store that cannot be listed answers 502 ARTIFACT_DISCOVERY_FAILED.
 */
public class VersionDiscovery {
    private static final Logger log = LoggerFactory.getLogger(VersionDiscovery.class);

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
            // The store's own words go to the log only (see StoreArtifactVerifier).
            log.warn("event=artifact_discovery_failed service={} error=\"{}\"", query.service(), e.getMessage());
            throw new Rejection(ErrorCode.ARTIFACT_DISCOVERY_FAILED, "Artifact discovery failed",
                    "the artifact store could not be listed; the server log has the cause under this request_id", null);
        }
    }
}
