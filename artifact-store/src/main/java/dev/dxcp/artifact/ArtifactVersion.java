package dev.dxcp.artifact;

import java.time.Instant;

/** One entry of a service's versions list as the artifact-store scan produces it (domain §11). */
public record ArtifactVersion(String version, String artifactRef, long sizeBytes, Instant lastModified) {
}
