package dev.dxcp.artifact;

/** A listing could not be completed; the versions endpoint answers ARTIFACT_DISCOVERY_FAILED (api-contract §4). */
public final class ArtifactDiscoveryException extends ArtifactStoreException {
    public ArtifactDiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
