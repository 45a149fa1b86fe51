package dev.dxcp.artifact;

import java.util.List;

/**
 * The read side of DXCP's artifact store: the only view of S3 the rest of DXCP has.
 * Implementations translate the store's own errors into these outcomes so callers can
 * apply the contract's codes (ARTIFACT_NOT_FOUND, INVALID_ARTIFACT, ARTIFACT_DISCOVERY_FAILED)
 * without knowing the store's vocabulary.
 */
public interface ArtifactStore {

    /**
     * Metadata lookup without reading the object. Never throws for store or network
     * failures: the deploy preflight (domain §16) must tell "gone" from "could not ask".
     */
    ObjectLookup head(String bucket, String key);

    /**
     * The object's sha256, byte count and content type (domain §13, registration from the store): from the
     * store's own full-object checksum when it keeps one, otherwise by reading the object once, as a stream.
     *
     * @throws ArtifactNotFoundException when the object (or its bucket) does not exist
     * @throws ArtifactReadException     when the object could not be read to the end
     */
    ArtifactDigest digest(String bucket, String key);

    /**
     * Every object whose key starts with {@code prefix}, across all result pages.
     *
     * @throws ArtifactDiscoveryException when the listing could not be completed
     */
    List<DiscoveredArtifact> list(String bucket, String prefix);
}
