package dev.dxcp.events.build;

/**
 * Size, digest and media type of an artifact as measured in the artifact store, and the store's ETag of the
 * object measured (null when the store gave none), which later checks compare instead of reading the bytes.
 */
public record ArtifactIntegrity(String sha256, long sizeBytes, String contentType, String eTag) {
    public ArtifactIntegrity(String sha256, long sizeBytes, String contentType) {
        this(sha256, sizeBytes, contentType, null);
    }
}
