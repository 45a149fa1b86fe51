package dev.dxcp.server.artifact;

import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.BuildRecord;

/**
 * Registration-time verification of domain §13: the object must exist in the runtime artifact store;
 * its size, media type and streamed sha256 become the build's integrity facts. Refusals are
 * {@link dev.dxcp.events.common.Rejection}s with code INVALID_ARTIFACT (or INTERNAL_ERROR when hashing fails).
 */
public interface ArtifactVerifier {
    ArtifactIntegrity measure(BuildRecord candidate);
}
