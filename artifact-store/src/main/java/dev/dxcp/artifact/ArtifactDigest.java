package dev.dxcp.artifact;

import java.util.Objects;

/**
 * Integrity facts of one stored artifact, as registration records them (domain §13). The ETag names the
 * object version measured: a later HEAD with the same ETag and size is the same object (decision 156).
 */
public record ArtifactDigest(String sha256, long sizeBytes, String contentType, String eTag) {

    /** Registration's default when the store keeps no content type (domain §13). */
    public static final String DEFAULT_CONTENT_TYPE = "application/zip";

    public ArtifactDigest {
        Objects.requireNonNull(sha256, "sha256");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
        contentType = contentTypeOrDefault(contentType);
    }

    public ArtifactDigest(String sha256, long sizeBytes, String contentType) {
        this(sha256, sizeBytes, contentType, null);
    }

    static String contentTypeOrDefault(String contentType) {
        return contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType;
    }
}
