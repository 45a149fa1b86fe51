package dev.dxcp.artifact;

/** The object to digest does not exist: registration answers "artifact does not exist" (domain §13). */
public final class ArtifactNotFoundException extends ArtifactStoreException {
    public ArtifactNotFoundException(String bucket, String key, Throwable cause) {
        super("artifact does not exist: s3://" + bucket + "/" + key, cause);
    }
}
