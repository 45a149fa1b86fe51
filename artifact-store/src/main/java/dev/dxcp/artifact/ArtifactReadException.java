package dev.dxcp.artifact;

/** The object exists (or might) but could not be read to the end: a hash failure, not a missing artifact. */
public final class ArtifactReadException extends ArtifactStoreException {
    public ArtifactReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
