package dev.dxcp.artifact;

import java.time.Instant;
import java.util.Objects;

/** One object seen while listing the store. */
public record DiscoveredArtifact(String key, long sizeBytes, Instant lastModified) {
    public DiscoveredArtifact {
        Objects.requireNonNull(key, "key");
    }
}
