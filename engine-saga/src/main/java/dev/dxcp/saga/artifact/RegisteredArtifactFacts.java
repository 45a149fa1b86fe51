package dev.dxcp.saga.artifact;

import dev.dxcp.artifact.ObjectLookup;

import java.util.Optional;

/**
 * What registration measured of a build's artifact (size, sha256, the store's ETag), compared with one HEAD
 * of the object now (decision 156). Validate and deploy never read the bytes again: the store's own sha256
 * from the HEAD decides where it keeps one; otherwise the same ETag and size mean the same object as the
 * one measured, and a different ETag means it was replaced. Only a build registered before DXCP kept the
 * ETag, in a store without checksums, still needs its bytes read.
 */
record RegisteredArtifactFacts(Long sizeBytes, String sha256, String eTag) {

    /** Why the stored object is not the registered one, or empty when it is (or cannot be told without bytes). */
    Optional<String> driftFrom(ObjectLookup.Found found) {
        if (sizeBytes != null && found.sizeBytes() != sizeBytes) {
            return Optional.of("size " + found.sizeBytes() + " != registered " + sizeBytes);
        }
        if (sha256 != null && found.sha256() != null) {
            return found.sha256().equalsIgnoreCase(sha256) ? Optional.empty()
                    : Optional.of("sha256 differs from the registered build");
        }
        if (eTag != null && found.eTag() != null && !eTag.equals(found.eTag())) {
            return Optional.of("the object was replaced after registration (ETag " + found.eTag()
                    + " != registered " + eTag + ")");
        }
        return Optional.empty();
    }

    /** True when only the bytes can tell: no checksum from the store and no ETag from registration. */
    boolean needsBytes(ObjectLookup.Found found) {
        return sha256 != null && found.sha256() == null && (eTag == null || found.eTag() == null);
    }
}
